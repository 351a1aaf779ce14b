// Finds and loads configuration files beside the linted file (nearest wins), for the CLI and server.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseHadolintConfig, type LoadedConfig } from '../core/config/hadolint';

export const CONFIG_NAMES = ['.hadolint.yaml', '.hadolint.yml'];

export function findConfigFile(startDir: string, stopAt?: string): string | undefined {
  let dir = path.resolve(startDir);
  const stop = stopAt ? path.resolve(stopAt) : path.parse(dir).root;
  for (;;) {
    for (const n of CONFIG_NAMES) {
      const p = path.join(dir, n);
      if (fs.existsSync(p)) return p;
    }
    if (dir === stop) return undefined;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

export function loadConfigFile(file: string): LoadedConfig & { file: string } {
  let text: string;
  try { text = fs.readFileSync(file, 'utf8'); } catch (e) {
    return { file, settings: {}, errors: [{ message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, path: '' }] };
  }
  return { file, ...parseHadolintConfig(text) };
}
