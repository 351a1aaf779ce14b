// The walk with both kinds of Dockerfile rule: shared `handlers` (given the lint's context on every call) and a
// visitor made per lint by `create`. Both report under their own id, and a failing rule is isolated per lint.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/core/engine';
import { defineDockerfileRule, type DockerfileContext } from '../../server/src/core/rule';

const meta = (id: string) => ({
  id, aliases: [], severity: 'warning' as const, profile: 'recommended' as const, fixable: 'never' as const,
  docs: { summary: '', why: '', bad: '', good: '', fix: '' },
});

test('shared handlers get each lint its own context, in RUN, stage and end; a create() rule beside them still works', () => {
  const seen: DockerfileContext[] = [];
  const shared = defineDockerfileRule({
    ...meta('shared'),
    handlers: {
      RUN(i, ctx) { seen.push(ctx); ctx.report({ span: i.keywordSpan, message: `run ${ctx.doc.instructions.indexOf(i)}` }); },
      stage(s, ctx) { ctx.report({ span: s.from.keywordSpan, message: `stage ${s.index}` }); },
      end(ctx) { ctx.report({ span: { start: 0, end: 0 }, message: `end of ${ctx.doc.stages.length} stages` }); },
    },
  });
  let created = 0;
  const perLint = defineDockerfileRule({
    ...meta('per-lint'),
    create(ctx) { created++; let runs = 0; return { RUN() { runs++; }, end() { ctx.report({ span: { start: 0, end: 0 }, message: `${runs} runs` }); } }; },
  });
  const messages = (text: string) => lint({ text, kind: 'dockerfile', rules: [shared, perLint] }).findings.map((f) => `${f.rule}: ${f.message}`).sort();
  assert.deepEqual(messages('FROM a\nRUN x\nFROM b\nRUN y\nRUN z\n'), [
    'per-lint: 3 runs', 'shared: end of 2 stages', 'shared: run 1', 'shared: run 3', 'shared: run 4', 'shared: stage 0', 'shared: stage 1',
  ].sort());
  assert.deepEqual(messages('FROM a\nRUN x\n'), ['per-lint: 1 runs', 'shared: end of 1 stages', 'shared: run 1', 'shared: stage 0'].sort());
  assert.equal(created, 2);
  assert.equal(seen.length, 4);
  assert.equal(seen[0], seen[2], 'one context per lint');
  assert.notEqual(seen[2], seen[3], 'a new context for the next lint');
});

test('shared handlers that throw are isolated for that lint only: reported once, the other rules still report', () => {
  let calls = 0;
  const failing = defineDockerfileRule({ ...meta('failing'), handlers: { RUN() { calls++; throw new Error('boom'); } } });
  const ok = defineDockerfileRule({ ...meta('ok'), handlers: { RUN(i, ctx) { ctx.report({ span: i.keywordSpan, message: 'ok' }); } } });
  for (let k = 0; k < 2; k++) {
    const r = lint({ text: 'FROM a\nRUN x\nRUN y\n', kind: 'dockerfile', rules: [failing, ok] });
    assert.deepEqual(r.ruleErrors.map((e) => [e.rule, e.message.split('\n')[0]]), [['failing', 'boom']]);
    assert.equal(r.findings.filter((f) => f.rule === 'ok').length, 2);
  }
  assert.equal(calls, 2, 'skipped for the rest of a lint after it threw, run again in the next lint');
});
