// The real ShellCheck, run once for all the RUN scripts of a Dockerfile (files in a temp folder), or
// by the CLI for those of a whole folder, gives the same findings as running it on each script alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lint } from '../../server/src/core/engine';
import type { ShellcheckComment, ShellDialect } from '../../server/src/core/tools';
import { findShellcheck, shellcheckRunner } from '../../server/src/node/shellcheck';

const SHELLCHECK = findShellcheck();
const CLI = path.join(__dirname, '../../../dist/cli.js');

const TEXT = [
  'FROM debian:12 AS build',
  'ARG VERSION=1.2',
  'RUN echo $VERSION $undefined_a && cd /tmp',
  'RUN for f in $(ls /etc/*.conf); do echo $f; done',
  'RUN <<EOF',
  'set -e',
  'x=`date`',
  'echo $x $undefined_b',
  'EOF',
  'RUN if [ $undefined_c == 1 ]; then echo "unterminated; fi',
  'FROM build',
  'SHELL ["/bin/bash", "-c"]',
  'RUN [[ -n $undefined_d ]] && echo ${arr[@]} \\',
  '    && cat foo | grep bar',
  'RUN echo $RANDOM',
  '',
].join('\n');

test('one ShellCheck process per dialect for a Dockerfile, with the findings of each RUN checked alone', { skip: !SHELLCHECK && 'shellcheck is not installed' }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seaworthy-sc-batch-'));
  try {
    // A wrapper that logs each start of the program.
    const log = path.join(dir, 'starts.log');
    const wrapper = path.join(dir, 'shellcheck');
    fs.writeFileSync(wrapper, `#!/bin/sh\necho x >> '${log}'\nexec '${SHELLCHECK}' "$@"\n`, { mode: 0o755 });
    const alone = (script: string, dialect: ShellDialect): ShellcheckComment[] =>
      JSON.parse(spawnSync(SHELLCHECK!, ['-f', 'json1', '-s', dialect, '-'], { input: script, encoding: 'utf8' }).stdout).comments;
    const key = (f: ReturnType<typeof lint>['findings'][number]) => JSON.stringify([f.span, f.severity, f.message, f.aliases, f.suggestions?.map((s) => s.offsetEdits)]);
    const expected = lint({ text: TEXT, kind: 'dockerfile', tools: { shellcheck: alone } }).findings.filter((f) => f.rule === 'shellcheck');
    assert.ok(expected.length >= 6, `ShellCheck finds problems in several RUNs: ${expected.map((f) => f.message).join(' | ')}`);
    const actual = lint({ text: TEXT, kind: 'dockerfile', tools: shellcheckRunner(wrapper) }).findings.filter((f) => f.rule === 'shellcheck');
    assert.deepEqual(actual.map(key), expected.map(key));
    assert.equal(fs.readFileSync(log, 'utf8').split('\n').filter(Boolean).length, 2, 'one start for the sh scripts, one for the bash ones');
    // Linted again, the answers come from the cache.
    lint({ text: TEXT, kind: 'dockerfile', tools: shellcheckRunner(wrapper) });
    assert.equal(fs.readFileSync(log, 'utf8').split('\n').filter(Boolean).length, 2);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the CLI starts ShellCheck once for the RUN scripts of a whole folder, with the findings of linting each file alone', { skip: !SHELLCHECK && 'shellcheck is not installed' }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seaworthy-sc-folder-'));
  try {
    const log = path.join(dir, 'starts.log');
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, 'shellcheck'), `#!/bin/sh\necho x >> '${log}'\nexec '${SHELLCHECK}' "$@"\n`, { mode: 0o755 });
    const files = ['a', 'b', 'c'].map((name, k) => {
      const d = path.join(dir, 'project', name);
      fs.mkdirSync(d, { recursive: true });
      fs.writeFileSync(path.join(d, 'Dockerfile'), `FROM debian:12\nRUN echo $undefined_${k} && ls *.txt | wc -l\nRUN [ $x == ${k} ] && echo \`date\`\n`);
      return path.join(d, 'Dockerfile');
    });
    const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}` };
    const cli = (args: string[]) => spawnSync(process.execPath, [CLI, 'lint', '--format', 'json', ...args], { cwd: dir, env, encoding: 'utf8' });
    const shellcheckFindings = (stdout: string) => (JSON.parse(stdout) as { files: { path: string; diagnostics: { rule: string; aliases: string[]; message: string; range: unknown }[] }[] }).files
      .flatMap((f) => f.diagnostics.filter((d) => d.rule === 'shellcheck').map((d) => JSON.stringify([path.resolve(dir, f.path), d.aliases, d.message, d.range])));
    const alone = files.flatMap((f) => shellcheckFindings(cli([f]).stdout));
    assert.equal(fs.readFileSync(log, 'utf8').split('\n').filter(Boolean).length, 3, 'alone: one start per file');
    assert.ok(alone.length >= 9, `ShellCheck finds problems in every file: ${alone.join('\n')}`);
    fs.rmSync(log);
    const together = shellcheckFindings(cli(['project']).stdout);
    assert.deepEqual(together.sort(), alone.sort());
    assert.equal(fs.readFileSync(log, 'utf8').split('\n').filter(Boolean).length, 1, 'the folder: one start for all six scripts');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
