// The CLI as a user runs it: a separate process, real files, exit codes and output formats.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempTree } from '../helpers/temp-tree';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');

function run(args: string[], opts: { cwd?: string; input?: string } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? ROOT, input: opts.input, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
function tmpDir(files: Record<string, string | Buffer>): string {
  return tempTree('seaworthy-cli-', files, { real: false });
}

test('lint examples/ prints findings with file:line:col, rule ids and a code frame, and exits 1', () => {
  const r = run(['lint', 'examples/', '--no-color']);
  assert.equal(r.code, 1, r.err);
  assert.match(r.out, /examples\/node-app\/Dockerfile:3:11: warning .*\(image-latest-tag, DL3007\)/);
  assert.match(r.out, /^ +3 \| FROM node:latest$/m);
  assert.match(r.out, /^ +\^{6}$/m);
  assert.match(r.out, /\d+ problems \(.*\) in \d+ files; \d+ fixable with --fix/);
});

test('--format json has the conformance shape with 0-based ranges', () => {
  const r = run(['lint', '--format', 'json', 'examples/node-app/Dockerfile']);
  assert.equal(r.code, 1);
  const json = JSON.parse(r.out);
  assert.equal(json.files.length, 1);
  const d = json.files[0].diagnostics.find((x: { rule: string }) => x.rule === 'maintainer-deprecated');
  assert.deepEqual(d.aliases, ['DL4000', 'MaintainerDeprecated', 'DS022', 'CKV_DOCKER_6']);
  assert.deepEqual(d.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 10 } });
  assert.equal(d.severity, 'warning');
  assert.equal(d.fix.safe, true);
});

test('--format sarif is SARIF 2.1.0 with rules, 1-based regions and help links', () => {
  const r = run(['lint', '--format', 'sarif', 'examples/node-app/Dockerfile']);
  const sarif = JSON.parse(r.out);
  assert.equal(sarif.version, '2.1.0');
  const run0 = sarif.runs[0];
  const res = run0.results.find((x: { ruleId: string }) => x.ruleId === 'maintainer-deprecated');
  assert.equal(res.locations[0].physicalLocation.region.startLine, 4);
  assert.equal(res.locations[0].physicalLocation.region.startColumn, 1);
  assert.equal(res.locations[0].physicalLocation.artifactLocation.uri, 'examples/node-app/Dockerfile');
  const rule = run0.tool.driver.rules[res.ruleIndex];
  assert.equal(rule.id, 'maintainer-deprecated');
  assert.match(rule.helpUri, /docs\/rules\/maintainer-deprecated\.md$/);
});

test('--fix rewrites the file with safe fixes and reports what is left', () => {
  const dir = tmpDir({ Dockerfile: 'FROM debian:12\nMAINTAINER me\nADD a.txt /a.txt\nUSER root\n' });
  const r = run(['lint', '--fix', '--format', 'json', 'Dockerfile'], { cwd: dir });
  const fixed = fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8');
  assert.equal(fixed, 'FROM debian:12\nLABEL org.opencontainers.image.authors="me"\nCOPY a.txt /a.txt\nUSER root\n');
  const left = JSON.parse(r.out).files[0].diagnostics.map((d: { rule: string }) => d.rule);
  assert.ok(left.includes('user-root'));
  assert.ok(!left.includes('maintainer-deprecated'));
});

test('stdin with --stdin-filename, and a clean file exits 0', () => {
  const bad = run(['lint', '-', '--stdin-filename', 'Dockerfile', '--format', 'json'], { input: 'FROM ubuntu\n' });
  assert.equal(bad.code, 1);
  assert.equal(JSON.parse(bad.out).files[0].path, 'Dockerfile');
  const good = run(['lint', '-', '--stdin-filename', 'Dockerfile', '--no-color'], { input: 'FROM ubuntu:24.04\nUSER 1000\nCMD ["bash"]\n' });
  assert.equal(good.code, 0, good.out);
  assert.match(good.out, /No problems in 1 file/);
});

test('missing, binary and unknown inputs give one clear line and exit 2', () => {
  const missing = run(['lint', 'no/such/Dockerfile']);
  assert.equal(missing.code, 2);
  assert.equal(missing.err.trim(), 'seaworthy: no/such/Dockerfile: no such file or folder');
  const dir = tmpDir({ Dockerfile: Buffer.from([0x46, 0x52, 0x00, 0x01, 0x02]) });
  const bin = run(['lint', 'Dockerfile'], { cwd: dir });
  assert.equal(bin.code, 2);
  assert.match(bin.err, /Dockerfile: binary file/);
  const opt = run(['lint', '--frobnicate']);
  assert.equal(opt.code, 2);
  assert.match(opt.err, /unknown option --frobnicate/);
  const fmt = run(['lint', '--format', 'xml', 'examples']);
  assert.equal(fmt.code, 2);
  assert.match(fmt.err, /--format must be text, json or sarif/);
});

test('folders are searched for Dockerfiles and compose files, skipping node_modules and .git', () => {
  const dir = tmpDir({
    'a/Dockerfile': 'FROM x\n', 'b/Dockerfile.prod': 'FROM x\n', 'c/app.dockerfile': 'FROM x\n', 'compose.yaml': 'services: {}\n',
    'node_modules/m/Dockerfile': 'FROM x\n', '.git/Dockerfile': 'FROM x\n', 'README.md': '# x\n',
  });
  const r = run(['lint', '--format', 'json', '.'], { cwd: dir });
  const paths = JSON.parse(r.out).files.map((f: { path: string }) => f.path).sort();
  assert.deepEqual(paths, ['a/Dockerfile', 'b/Dockerfile.prod', 'c/app.dockerfile', 'compose.yaml']);
});

test('large outputs reach stdout whole when piped', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 400; i++) files[`d${i}/Dockerfile`] = 'FROM debian\nMAINTAINER x\nADD a b\nWORKDIR rel\n'.repeat(5);
  const dir = tmpDir(files);
  const r = run(['lint', '--format', 'json', '.'], { cwd: dir });
  const json = JSON.parse(r.out);
  assert.equal(json.files.length, 400);
  assert.ok(r.out.length > 1_000_000, `output was ${r.out.length} bytes`);
});

test('--config in .hadolint.yaml format: ignored, override and errors', () => {
  const dir = tmpDir({ Dockerfile: 'FROM debian\nMAINTAINER x\nUSER app\n', 'cfg.yaml': 'ignored: [DL3006]\noverride:\n  error: [DL4000]\n', 'bad.yaml': 'ignord: [DL3006]\n' });
  const r = run(['lint', '--format', 'json', '--config', 'cfg.yaml', 'Dockerfile'], { cwd: dir });
  const diags = JSON.parse(r.out).files[0].diagnostics;
  assert.deepEqual(diags.map((d: { rule: string; severity: string }) => `${d.rule}:${d.severity}`), ['maintainer-deprecated:error']);
  const bad = run(['lint', '--config', 'bad.yaml', 'Dockerfile'], { cwd: dir });
  assert.equal(bad.code, 2);
  assert.match(bad.err, /bad\.yaml: ignord: unknown key "ignord"; valid keys: ignored, override/);
});

test('rules --format json lists every rule with docs', () => {
  const r = run(['rules', '--format', 'json']);
  assert.equal(r.code, 0);
  const rules = JSON.parse(r.out);
  const ids = rules.map((x: { id: string }) => x.id);
  assert.ok(ids.includes('image-untagged') && ids.includes('syntax-error'));
  for (const x of rules) assert.ok(x.docs.summary && x.docs.why && x.docs.fix, x.id);
});

test('harden prints a unified diff and --write applies it', () => {
  const dir = tmpDir({ Dockerfile: 'FROM debian:12-slim\nMAINTAINER me\nCMD run.sh --fast\n' });
  const r = run(['harden', 'Dockerfile'], { cwd: dir });
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^--- a\/Dockerfile\n\+\+\+ b\/Dockerfile\n@@ -1,3 \+1,5 @@\n FROM debian:12-slim\n-MAINTAINER me\n/m);
  assert.match(r.out, /^\+USER app$/m);
  assert.match(r.out, /^# 1 of these changes alter behaviour: review before --write$/m);
  assert.match(r.out, /^\+CMD \["run.sh", "--fast"\]$/m);
  assert.equal(fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8'), 'FROM debian:12-slim\nMAINTAINER me\nCMD run.sh --fast\n');
  run(['harden', 'Dockerfile', '--write'], { cwd: dir });
  assert.equal(fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8'), 'FROM debian:12-slim\nLABEL org.opencontainers.image.authors="me"\n'
    + 'RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home --no-log-init app\nUSER app\nCMD ["run.sh", "--fast"]\n');
});
