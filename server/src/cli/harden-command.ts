// `seaworthy harden FILE [--write]`: print the hardening as a unified diff, or apply it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { HardenArgs } from './args';
import { harden } from '../core/harden';
import { unifiedDiff } from '../core/diff';
import { guessKind } from '../core/kind';
import { fsWorkspace } from '../node/fs-workspace';
import { findConfigFile, loadConfigFile } from '../node/config-files';
import { fileChanges, writeFileEdits } from '../node/file-edits';

export function runHarden(args: HardenArgs): number {
  const abs = path.resolve(args.file);
  let text: string;
  try { text = fs.readFileSync(abs, 'utf8'); } catch (e) {
    process.stderr.write(`seaworthy: ${args.file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'cannot read'}\n`);
    return 2;
  }
  if (text.includes('\0')) { process.stderr.write(`seaworthy: ${args.file}: binary file, not a Dockerfile\n`); return 2; }
  const cfgFile = args.config ?? findConfigFile(path.dirname(abs));
  const cfg = cfgFile ? loadConfigFile(cfgFile) : undefined;
  if (cfg?.errors.length) {
    for (const e of cfg.errors) process.stderr.write(`seaworthy: ${cfg.file}: ${e.path ? e.path + ': ' : ''}${e.message}\n`);
    return 2;
  }
  const dir = path.dirname(abs);
  const result = harden({ text, kind: guessKind(abs, text), path: path.basename(abs), workspace: fsWorkspace(dir, dir), settings: cfg?.settings });
  if (args.write) {
    if (result.text !== text) fs.writeFileSync(abs, result.text);
    writeFileEdits(dir, result.fileEdits);
    process.stdout.write(`${args.file}: ${result.applied.length} change${result.applied.length === 1 ? '' : 's'} applied\n`);
    return 0;
  }
  let out = unifiedDiff(text, result.text, `a/${args.file}`, `b/${args.file}`);
  for (const c of fileChanges(dir, result.fileEdits)) out += unifiedDiff(c.before, c.after, c.existed ? `a/${c.path}` : '/dev/null', `b/${c.path}`);
  if (result.needsConfirmation.length) out += `# ${result.needsConfirmation.length} of these changes alter behaviour: review before --write\n`;
  process.stdout.write(out || `${args.file}: nothing to harden\n`);
  return 0;
}
