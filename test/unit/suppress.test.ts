// Inline suppression comments, each kind through the engine, and the unused-suppression report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/core/engine';
import { defineComposeRule, type Rule } from '../../server/src/core/rule';
import { applyOffsetEdits } from '../../server/src/core/text';
import type { RuleSettings } from '../../server/src/core/config/settings';
import imageLatestTag from '../../server/src/core/rules/dockerfile/image-latest-tag';
import imageUntagged from '../../server/src/core/rules/dockerfile/image-untagged';
import maintainerDeprecated from '../../server/src/core/rules/dockerfile/maintainer-deprecated';
import unusedSuppression from '../../server/src/core/rules/dockerfile/unused-suppression';
import { entries, isScalar, services } from '../../server/src/core/compose/query';

const DOCKER_RULES: Rule[] = [imageLatestTag, imageUntagged, maintainerDeprecated, unusedSuppression];

/** A compose rule for the tests: `image:` without a tag, with dclint's name as alias. */
const untaggedImage = defineComposeRule({
  id: 'test-untagged-image', aliases: ['service-image-require-explicit-tag'], severity: 'warning', profile: 'recommended', fixable: 'never',
  docs: { summary: 'x', why: 'x', bad: 'x', good: 'x', fix: 'x' },
  check(ctx) {
    for (const d of ctx.doc.documents) {
      for (const s of services(d)) {
        const image = entries(s.node).find((e) => e.name === 'image')?.node;
        if (isScalar(image) && !String(image.value).includes(':')) ctx.report({ span: image, message: 'image without a tag' });
      }
    }
  },
});
const COMPOSE_RULES: Rule[] = [untaggedImage, unusedSuppression];

function run(text: string, kind: 'dockerfile' | 'compose' = 'dockerfile', settings?: Partial<RuleSettings>) {
  const res = lint({ text, kind, rules: kind === 'dockerfile' ? DOCKER_RULES : COMPOSE_RULES, settings });
  assert.deepEqual(res.ruleErrors, []);
  return res.findings.map((f) => `${f.range.start.line + 1} ${f.rule} ${text.slice(f.span.start, f.span.end)}`);
}
const findingsOf = (text: string, kind: 'dockerfile' | 'compose' = 'dockerfile') => lint({ text, kind, rules: kind === 'dockerfile' ? DOCKER_RULES : COMPOSE_RULES }).findings;

test('# hadolint ignore= covers the next instruction (all its lines), and only it', () => {
  assert.deepEqual(run('# hadolint ignore=DL3007\nFROM debian:latest\nFROM debian:latest\n'), ['3 image-latest-tag latest']);
  assert.deepEqual(run('# hadolint ignore=DL3006  # why\nFROM \\\n  debian\nMAINTAINER x\n'), ['4 maintainer-deprecated MAINTAINER']);
  // A list with anything but rule codes is not a pragma (as in hadolint).
  assert.deepEqual(run('# hadolint ignore=DL3006 because\nFROM debian\n'), ['2 image-untagged debian']);
  // hadolint's disable-ignore-pragma turns them off.
  assert.deepEqual(run('# hadolint ignore=DL3006\nFROM debian\n', 'dockerfile', { disableIgnorePragma: true }), ['2 image-untagged debian']);
});

test('# hadolint global ignore= covers the file; our ids are not hadolint codes', () => {
  assert.deepEqual(run('FROM debian\n# hadolint global ignore=DL3006\nFROM ubuntu\n'), []);
  assert.deepEqual(run('# hadolint global ignore=image-untagged\nFROM debian\n'), ['2 image-untagged debian']);
});

test('# seaworthy-ignore and # seaworthy-ignore-file, with ids, aliases, all rules and a reason', () => {
  assert.deepEqual(run('# seaworthy-ignore image-untagged -- base is pinned upstream\nFROM debian\nFROM ubuntu\n'), ['3 image-untagged ubuntu']);
  assert.deepEqual(run('# seaworthy-ignore DL3006\nFROM debian\n'), []);
  assert.deepEqual(run('FROM debian:12\n# seaworthy-ignore\nMAINTAINER x\n'), []);
  assert.deepEqual(run('FROM debian:12\nMAINTAINER x\n# seaworthy-ignore-file maintainer-deprecated\n'), []);
});

test('BuildKit # check=skip=: the parser directive covers the file, above an instruction only it; error=true', () => {
  assert.deepEqual(run('# check=skip=MaintainerDeprecated\nFROM debian:12\nMAINTAINER x\n'), []);
  assert.deepEqual(run('# check=skip=all\nFROM debian:12\nMAINTAINER x\n'), []);
  assert.deepEqual(run('FROM debian:12\n# check=skip=MaintainerDeprecated\nMAINTAINER x\nMAINTAINER y\n'), ['4 maintainer-deprecated MAINTAINER']);
  const errs = lint({ text: '# check=error=true\nFROM debian:12\nMAINTAINER x\n', kind: 'dockerfile', rules: DOCKER_RULES }).findings;
  assert.deepEqual(errs.map((f) => `${f.rule}:${f.severity}`), ['maintainer-deprecated:error']);
});

test('dclint comments in compose files follow dclint: disable-line on its line or the next; disable/disable-file only first', () => {
  const base = 'services:\n  a:\n    image: nginx\n  b:\n    image: redis\n';
  assert.deepEqual(run(base, 'compose'), ['3 test-untagged-image nginx', '5 test-untagged-image redis']);
  assert.deepEqual(run('services:\n  a:\n    image: nginx # dclint disable-line\n  b:\n    image: redis\n', 'compose'), ['5 test-untagged-image redis']);
  assert.deepEqual(run('services:\n  a:\n    # dclint disable-line service-image-require-explicit-tag\n    image: nginx\n  b:\n    image: redis\n', 'compose'), ['6 test-untagged-image redis']);
  assert.deepEqual(run('---\n# dclint disable service-image-require-explicit-tag\n' + base, 'compose'), []);
  assert.deepEqual(run('# dclint disable-file\n' + base, 'compose'), []);
  // Not on the first line: dclint ignores it, and we say so.
  assert.deepEqual(run(base + '# dclint disable\n', 'compose'), ['3 test-untagged-image nginx', '5 test-untagged-image redis', '6 unused-suppression # dclint disable']);
  assert.deepEqual(run('services:\n  a:\n    image: nginx # seaworthy-ignore test-untagged-image\n', 'compose'), []);
  assert.deepEqual(run('# seaworthy-ignore-file\n' + base, 'compose'), []);
});

test('unused suppressions are reported: whole comment, one id of a list, unknown names, nothing after the last instruction', () => {
  assert.deepEqual(run('# hadolint ignore=DL3007\nFROM debian:12\n'), ['1 unused-suppression # hadolint ignore=DL3007']);
  assert.deepEqual(run('# hadolint ignore=DL3007,DL3006\nFROM debian\n'), ['1 unused-suppression DL3007']);
  assert.deepEqual(run('# seaworthy-ignore imge-untagged\nFROM debian:12\n'), ['1 unused-suppression # seaworthy-ignore imge-untagged']);
  assert.deepEqual(run('# seaworthy-ignore image-untagged nonsense\nFROM debian\n'), ['1 unused-suppression nonsense']);
  assert.deepEqual(run('FROM debian:12\n# seaworthy-ignore\n'), ['2 unused-suppression # seaworthy-ignore']);
  assert.deepEqual(run('# check=skip=MaintainerDeprecated;error=true\nFROM debian:12\n'), ['1 unused-suppression MaintainerDeprecated']);
  assert.deepEqual(run('services:\n  a:\n    image: nginx:1 # dclint disable-line\n', 'compose'), ['3 unused-suppression # dclint disable-line']);
});

test('ids of rules that did not run are left alone (another profile, off, or a peer id we do not implement)', () => {
  assert.deepEqual(run('# hadolint ignore=DL3008,DL3059\nFROM debian:12\n'), []);
  assert.deepEqual(run('# seaworthy-ignore apt-unpinned-package\nFROM debian:12\n'), []);
  const unusedWith = (settings: Partial<RuleSettings>) => lint({ text: '# hadolint ignore=DL3007\nFROM debian:12\n', kind: 'dockerfile', settings }).findings.filter((f) => f.rule === 'unused-suppression').length;
  assert.equal(unusedWith({}), 1);
  assert.equal(unusedWith({ rules: { DL3007: 'off' } }), 0);
});

test('the fix removes the line, a trailing comment, or one id; safe only for our own comments', () => {
  const fixOf = (text: string, kind: 'dockerfile' | 'compose' = 'dockerfile') => {
    const f = findingsOf(text, kind).find((x) => x.rule === 'unused-suppression')!;
    const fix = f.fix ?? f.suggestions![0];
    return { out: applyOffsetEdits(text, fix.offsetEdits), auto: !!f.fix };
  };
  assert.deepEqual(fixOf('FROM debian:12\n# seaworthy-ignore\nUSER 1000\n'), { out: 'FROM debian:12\nUSER 1000\n', auto: true });
  assert.deepEqual(fixOf('FROM debian:12\r\n# seaworthy-ignore\r\nUSER 1000'), { out: 'FROM debian:12\r\nUSER 1000', auto: true });
  assert.deepEqual(fixOf('FROM debian:12\n# seaworthy-ignore'), { out: 'FROM debian:12', auto: true });
  assert.deepEqual(fixOf('# hadolint ignore=DL3007\nFROM debian:12\n'), { out: 'FROM debian:12\n', auto: false });
  assert.deepEqual(fixOf('# hadolint ignore=DL3007, DL3006\nFROM debian\n'), { out: '# hadolint ignore=DL3006\nFROM debian\n', auto: false });
  assert.deepEqual(fixOf('# hadolint ignore=DL3006,DL3007\nFROM debian\n'), { out: '# hadolint ignore=DL3006\nFROM debian\n', auto: false });
  assert.deepEqual(fixOf('# check=skip=MaintainerDeprecated;error=true\nFROM debian:12\n'), { out: '# check=skip=;error=true\nFROM debian:12\n', auto: false });
  assert.deepEqual(fixOf('services:\n  a:\n    image: nginx:1   # dclint disable-line\n', 'compose'), { out: 'services:\n  a:\n    image: nginx:1\n', auto: false });
});

test('unused-suppression can itself be switched off, and is never suppressed by the comment it reports', () => {
  const self = lint({ text: '# seaworthy-ignore-file\nFROM debian:12\n', kind: 'dockerfile', rules: [unusedSuppression] }).findings.map((f) => f.rule);
  assert.deepEqual(self, ['unused-suppression']);
  const off = lint({ text: '# hadolint ignore=DL3007\nFROM debian:12\n', kind: 'dockerfile', settings: { rules: { 'unused-suppression': 'off' } } }).findings.map((f) => f.rule);
  assert.ok(!off.includes('unused-suppression'));
  const named = lint({ text: '# seaworthy-ignore-file unused-suppression\n# hadolint ignore=DL3007\nFROM debian:12\n', kind: 'dockerfile' }).findings.map((f) => f.rule);
  assert.ok(!named.includes('unused-suppression'), named.join());
});
