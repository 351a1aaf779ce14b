// Configuration files and inline comments through the CLI, as a user runs it: a separate process,
// real folders, exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { tempTree } from '../helpers/temp-tree';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
/** A temporary repository (it has .git, so config discovery stops at its root). */
function repo(files: Record<string, string>): string {
  const dir = tempTree('seaworthy-cfg-', files, { real: false });
  fs.mkdirSync(path.join(dir, '.git'));
  return dir;
}
interface Diag { rule: string; severity: string; range: { start: { line: number } } }
/** `rule:severity@line` (1-based) per file, from --format json. */
function lintJson(dir: string, ...args: string[]) {
  const r = run(['lint', '--format', 'json', ...args], dir);
  const files = r.out ? JSON.parse(r.out).files as { path: string; diagnostics: Diag[] }[] : [];
  const by: Record<string, string[]> = {};
  for (const f of files) by[f.path] = f.diagnostics.map((d) => `${d.rule}:${d.severity}@${d.range.start.line + 1}`);
  return { ...r, by };
}
const rules = (list: string[] | undefined) => (list ?? []).map((s) => s.split(':')[0]);

const DOCKERFILE = 'FROM debian:latest\nMAINTAINER me\n';

test('.seaworthy.yaml: found walking up, the nearest wins, discovery stops at the repository root', () => {
  const outer = fs.mkdtempSync(path.join(os.tmpdir(), 'seaworthy-outer-'));
  // Above the repository: never read.
  fs.writeFileSync(path.join(outer, '.seaworthy.yaml'), 'rules:\n  maintainer-deprecated: off\n');
  const dir = path.join(outer, 'repo');
  fs.mkdirSync(path.join(dir, '.git'), { recursive: true });
  const write = (name: string, text: string) => { fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true }); fs.writeFileSync(path.join(dir, name), text); };
  write('.seaworthy.yaml', 'rules:\n  image-latest-tag: error\n');
  write('a/Dockerfile', DOCKERFILE);
  write('b/.seaworthy.yml', 'rules:\n  image-latest-tag: off\n');
  write('b/c/Dockerfile', DOCKERFILE);
  const r = lintJson(dir, '.');
  assert.ok(r.by['a/Dockerfile'].includes('image-latest-tag:error@1'), r.by['a/Dockerfile'].join());
  assert.ok(rules(r.by['a/Dockerfile']).includes('maintainer-deprecated'));
  // b/.seaworthy.yml is nearer: the root file's `error` does not apply (no merging across folders).
  assert.ok(!rules(r.by['b/c/Dockerfile']).includes('image-latest-tag'), r.by['b/c/Dockerfile'].join());
  assert.ok(rules(r.by['b/c/Dockerfile']).includes('maintainer-deprecated'));
});

test('.seaworthy.yaml: profiles, exclude (found and named files), failureThreshold', () => {
  const dir = repo({
    '.seaworthy.yaml': 'profiles: [recommended, strict]\nexclude: [legacy, "**/*.test.dockerfile"]\nfailureThreshold: error\n',
    Dockerfile: 'FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get install -y curl\n',
    'legacy/Dockerfile': 'FORM nonsense\n',
    'x.test.dockerfile': 'FORM nonsense\n',
  });
  const r = lintJson(dir, '.');
  assert.deepEqual(Object.keys(r.by), ['Dockerfile']);
  // inline-ignore-pragma (DL1001) is in the strict profile.
  assert.ok(rules(r.by.Dockerfile).includes('inline-ignore-pragma'), r.by.Dockerfile.join());
  // Only errors fail the run.
  assert.equal(r.code, 0, r.err);
  const named = lintJson(dir, 'legacy/Dockerfile');
  assert.deepEqual(named.by, {});
  assert.equal(named.code, 0);
});

test('.hadolint.yaml: ignored, override, trustedRegistries, failure-threshold and no-fail', () => {
  const dir = repo({
    '.hadolint.yaml': 'ignored: [DL3007]\noverride:\n  error: [DL4000]\ntrustedRegistries: [my.registry]\nfailure-threshold: error\n',
    Dockerfile: 'FROM docker.io/debian:latest\nMAINTAINER me\n',
  });
  const r = lintJson(dir, 'Dockerfile');
  const got = r.by.Dockerfile;
  assert.ok(!rules(got).includes('image-latest-tag'), got.join());
  assert.ok(got.includes('maintainer-deprecated:error@2'), got.join());
  assert.ok(rules(got).includes('untrusted-registry'), got.join());
  assert.equal(r.code, 1);
  fs.writeFileSync(path.join(dir, '.hadolint.yaml'), 'ignored: [DL3007]\noverride:\n  error: [DL4000]\nno-fail: true\n');
  assert.equal(lintJson(dir, 'Dockerfile').code, 0);
  // --failure-threshold on the command line wins over no-fail.
  assert.equal(lintJson(dir, 'Dockerfile', '--failure-threshold', 'error').code, 1);
  // A name of Object.prototype is not a severity.
  const bad = run(['lint', '--failure-threshold', 'constructor', 'Dockerfile'], dir);
  assert.equal(bad.code, 2, bad.out);
  assert.match(bad.err, /--failure-threshold must be error, warning, info, hint or none, not "constructor"/);
});

test('.hadolint.yaml and .seaworthy.yaml in one folder are merged, ours last; hadolint config does not touch compose files', () => {
  const dir = repo({
    '.hadolint.yaml': 'ignored: [DL3007, DL4000]\n',
    '.seaworthy.yaml': 'rules:\n  maintainer-deprecated: error\n  version-obsolete: off\n',
    Dockerfile: DOCKERFILE,
    'compose.yaml': 'version: "3"\nservices:\n  web:\n    image: nginx:1.27\n',
  });
  const r = lintJson(dir, '.');
  assert.ok(!rules(r.by.Dockerfile).includes('image-latest-tag'));
  assert.ok(r.by.Dockerfile.includes('maintainer-deprecated:error@2'), r.by.Dockerfile.join());
  assert.ok(!rules(r.by['compose.yaml']).includes('version-obsolete'), r.by['compose.yaml'].join());
});

test('.dclintrc (JSON or YAML): rule levels by dclint name and exclude, for compose files only', () => {
  const compose = 'version: "3"\nservices:\n  web:\n    image: nginx\n';
  const dir = repo({
    '.dclintrc': '{\n  "rules": { "no-version-field": 0, "service-image-require-explicit-tag": [2, {}] },\n  "exclude": ["old"]\n}\n',
    'compose.yaml': compose,
    'old/compose.yaml': 'services: [\n',
    Dockerfile: DOCKERFILE,
  });
  const r = lintJson(dir, '.');
  assert.deepEqual(Object.keys(r.by).sort(), ['Dockerfile', 'compose.yaml']);
  assert.ok(!rules(r.by['compose.yaml']).includes('version-obsolete'), r.by['compose.yaml'].join());
  assert.ok(r.by['compose.yaml'].includes('service-image-explicit-tag:error@4'), r.by['compose.yaml'].join());
  assert.ok(rules(r.by.Dockerfile).includes('image-latest-tag'));
  fs.writeFileSync(path.join(dir, '.dclintrc'), 'rules:\n  no-version-field: 1\n  service-image-require-explicit-tag: 0\n');
  const y = lintJson(dir, 'compose.yaml');
  assert.deepEqual(y.by['compose.yaml'], ['version-obsolete:warning@1']);
});

test('--config names a file in any of the three formats (detected by name, then content)', () => {
  const dir = repo({
    'ci/lint-hadolint.yml': 'ignored: [DL3007]\n',
    'ci/strict.yaml': 'rules:\n  DL3007: error\n',
    'ci/dc.json': '{"rules": {"no-version-field": 0}}',
    '.seaworthy.yaml': 'rules:\n  maintainer-deprecated: off\n',
    Dockerfile: DOCKERFILE,
    'compose.yaml': 'version: "3"\nservices:\n  web:\n    image: nginx:1\n',
  });
  const h = lintJson(dir, '--config', 'ci/lint-hadolint.yml', 'Dockerfile');
  assert.ok(!rules(h.by.Dockerfile).includes('image-latest-tag'));
  // --config replaces discovery: the folder's .seaworthy.yaml is not read.
  assert.ok(rules(h.by.Dockerfile).includes('maintainer-deprecated'));
  assert.ok(lintJson(dir, '--config', 'ci/strict.yaml', 'Dockerfile').by.Dockerfile.includes('image-latest-tag:error@1'));
  assert.ok(!rules(lintJson(dir, '--config', 'ci/dc.json', 'compose.yaml').by['compose.yaml']).includes('version-obsolete'));
});

test('errors in a discovered config file: printed with key path, line and column; exit 2; the valid part still applies', () => {
  const dir = repo({
    'sub/.seaworthy.yaml': 'rules:\n  image-latest-tag: off\n  imge-untagged: error\nprofile: strict\n',
    'sub/Dockerfile': DOCKERFILE,
  });
  const r = lintJson(dir, 'sub');
  assert.equal(r.code, 2);
  assert.match(r.err, /sub\/\.seaworthy\.yaml: rules\.imge-untagged: unknown rule "imge-untagged" \(did you mean "image-untagged"\?\).* \(line 3, column 3\)/);
  assert.match(r.err, /sub\/\.seaworthy\.yaml: profile: unknown key "profile"; valid keys: profiles, rules, .*\(line 4, column 1\)/);
  assert.ok(!rules(r.by['sub/Dockerfile']).includes('image-latest-tag'));
  assert.ok(rules(r.by['sub/Dockerfile']).includes('maintainer-deprecated'));
  // A config file named on the command line is checked, not linted as a compose file.
  const named = run(['lint', 'sub/.seaworthy.yaml'], dir);
  assert.equal(named.code, 2);
  assert.match(named.err, /sub\/\.seaworthy\.yaml: rules\.imge-untagged: unknown rule/);
  // Warnings are printed but do not change the exit status.
  fs.writeFileSync(path.join(dir, 'sub/.seaworthy.yaml'), 'rules:\n  DL3999: off\n');
  const w = lintJson(dir, 'sub');
  assert.equal(w.code, 1);
  assert.match(w.err, /rules\.DL3999: warning: no Seaworthy rule covers "DL3999"/);
  // A broken .hadolint.yaml (not YAML at all).
  fs.writeFileSync(path.join(dir, 'sub/.seaworthy.yaml'), '');
  fs.writeFileSync(path.join(dir, '.hadolint.yaml'), 'ignored: [DL3007\n');
  fs.unlinkSync(path.join(dir, 'sub/.seaworthy.yaml'));
  const y = lintJson(dir, 'sub');
  assert.equal(y.code, 2);
  assert.match(y.err, /\.hadolint\.yaml: not valid YAML/);
});

test('inline comments: hadolint ignore / global ignore, seaworthy-ignore[-file], BuildKit check=skip', () => {
  const dir = repo({
    'a/Dockerfile': '# hadolint ignore=DL3007\nFROM debian:latest\nFROM debian:latest\n',
    'b/Dockerfile': 'FROM debian:latest\n# hadolint global ignore=DL3007,DL4000\nMAINTAINER me\n',
    'c/Dockerfile': '# seaworthy-ignore image-latest-tag -- reviewed\nFROM debian:latest\nMAINTAINER me\n',
    'd/Dockerfile': 'FROM debian:latest\nMAINTAINER me\n# seaworthy-ignore-file\n',
    'e/Dockerfile': '# check=skip=MaintainerDeprecated\nFROM debian:latest\nMAINTAINER me\n',
  });
  const r = lintJson(dir, '.');
  const count = (file: string, rule: string) => rules(r.by[file]).filter((x) => x === rule).length;
  assert.equal(count('a/Dockerfile', 'image-latest-tag'), 1);
  assert.ok(r.by['a/Dockerfile'].includes('image-latest-tag:warning@3'));
  assert.equal(count('b/Dockerfile', 'image-latest-tag') + count('b/Dockerfile', 'maintainer-deprecated'), 0);
  assert.equal(count('c/Dockerfile', 'image-latest-tag'), 0);
  assert.equal(count('c/Dockerfile', 'maintainer-deprecated'), 1);
  assert.deepEqual(r.by['d/Dockerfile'], []);
  assert.equal(count('e/Dockerfile', 'maintainer-deprecated'), 0);
  assert.equal(count('e/Dockerfile', 'image-latest-tag'), 1);
});

test('inline comments in compose files: dclint disable-line (same or next line), disable on the first line only', () => {
  const dir = repo({
    'a/compose.yaml': 'services:\n  web:\n    image: nginx # dclint disable-line service-image-require-explicit-tag\n  db:\n    # dclint disable-line\n    image: redis\n  q:\n    image: rabbitmq\n',
    'b/compose.yaml': '# dclint disable no-version-field\nversion: "3"\nservices:\n  web:\n    image: nginx:1\n',
    'c/compose.yaml': 'version: "3"\n# dclint disable no-version-field\nservices:\n  web:\n    image: nginx:1\n',
  });
  const r = lintJson(dir, '.');
  assert.deepEqual(r.by['a/compose.yaml'].filter((s) => s.startsWith('service-image')), ['service-image-explicit-tag:warning@8']);
  assert.ok(!rules(r.by['b/compose.yaml']).includes('version-obsolete'));
  // dclint reads `disable` only on the first line: not applied, and reported as having no effect.
  assert.ok(rules(r.by['c/compose.yaml']).includes('version-obsolete'));
  assert.ok(r.by['c/compose.yaml'].includes('unused-suppression:hint@2'), r.by['c/compose.yaml'].join());
});

test('unused suppressions: reported as hints; --fix removes our own comments but keeps the ones peers read', () => {
  const dir = repo({
    Dockerfile: 'FROM debian:12\n# hadolint ignore=DL3007\nUSER 1000\n# seaworthy-ignore image-latest-tag\nUSER 1001\n# check=skip=MaintainerDeprecated\nUSER 1002\n',
    'compose.yaml': 'services:\n  web:\n    image: nginx:1 # dclint disable-line\n',
  });
  const r = lintJson(dir, '.');
  assert.deepEqual(r.by.Dockerfile.filter((s) => s.startsWith('unused')), ['unused-suppression:hint@2', 'unused-suppression:hint@4', 'unused-suppression:hint@6']);
  assert.deepEqual(r.by['compose.yaml'].filter((s) => s.startsWith('unused')), ['unused-suppression:hint@3']);
  run(['lint', '--fix', '.'], dir);
  assert.equal(fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8'), 'FROM debian:12\n# hadolint ignore=DL3007\nUSER 1000\nUSER 1001\n# check=skip=MaintainerDeprecated\nUSER 1002\n');
  assert.equal(fs.readFileSync(path.join(dir, 'compose.yaml'), 'utf8'), 'services:\n  web:\n    image: nginx:1 # dclint disable-line\n');
});

test('hadolint disable-ignore-pragma: inline hadolint comments are not honoured', () => {
  const dir = repo({ '.hadolint.yaml': 'disable-ignore-pragma: true\n', Dockerfile: '# hadolint ignore=DL3007\nFROM debian:latest\n# seaworthy-ignore maintainer-deprecated\nMAINTAINER me\n' });
  const got = rules(lintJson(dir, 'Dockerfile').by.Dockerfile);
  assert.ok(got.includes('image-latest-tag'));
  assert.ok(!got.includes('maintainer-deprecated'));
});

const HAS_SHELLCHECK = (process.env.PATH ?? '').split(path.delimiter).some((d) => d && fs.existsSync(path.join(d, 'shellcheck')));

test('ShellCheck runs on RUN scripts when on PATH, mapped into the Dockerfile; --no-shellcheck and the config turn it off', { skip: !HAS_SHELLCHECK && 'shellcheck is not installed' }, () => {
  const dir = repo({ Dockerfile: 'FROM debian:12\nRUN echo hi && \\\n    echo $RANDOM\n' });
  const r = lintJson(dir, 'Dockerfile');
  assert.ok(r.by.Dockerfile.includes('shellcheck:warning@3'), r.by.Dockerfile.join());
  const full = JSON.parse(run(['lint', '--format', 'json', 'Dockerfile'], dir).out).files[0].diagnostics.find((d: Diag & { aliases: string[] }) => d.rule === 'shellcheck');
  assert.deepEqual(full.aliases, ['SC3028']);
  assert.deepEqual(full.range, { start: { line: 2, character: 9 }, end: { line: 2, character: 16 } });
  assert.ok(!rules(lintJson(dir, '--no-shellcheck', 'Dockerfile').by.Dockerfile).includes('shellcheck'));
  fs.writeFileSync(path.join(dir, '.seaworthy.yaml'), 'shellcheck:\n  enable: false\n');
  assert.ok(!rules(lintJson(dir, 'Dockerfile').by.Dockerfile).includes('shellcheck'));
  fs.writeFileSync(path.join(dir, '.seaworthy.yaml'), 'rules:\n  SC3028: off\n');
  assert.ok(!rules(lintJson(dir, 'Dockerfile').by.Dockerfile).includes('shellcheck'));
});

test('without ShellCheck on PATH nothing breaks', () => {
  const dir = repo({ Dockerfile: 'FROM debian:12\nRUN echo $RANDOM\n' });
  const r = spawnSync(process.execPath, [CLI, 'lint', '--format', 'json', 'Dockerfile'], { cwd: dir, encoding: 'utf8', env: { ...process.env, PATH: '/nonexistent' } });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  assert.equal(r.stderr, '');
  assert.ok(!JSON.parse(r.stdout).files[0].diagnostics.some((d: Diag) => d.rule === 'shellcheck'));
});
