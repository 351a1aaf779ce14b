// Table-driven rule tests in the shape of ESLint's RuleTester: valid inputs, and invalid inputs with
// the exact ranges reported and the text after the fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/core/engine';
import type { Rule } from '../../server/src/core/rule';
import { mapWorkspace } from '../../server/src/core/workspace';
import type { RuleSettings } from '../../server/src/core/config/settings';
import { applyOffsetEdits } from '../../server/src/core/text';
import { fixAll } from '../../server/src/core/fix';
import type { Finding } from '../../server/src/core/types';

export interface ExpectedFinding {
  /** 1-based line of the start. */
  line: number;
  /** Exact text covered by the finding's range. */
  text?: string;
  message?: RegExp;
}

interface Case { code: string; name?: string; files?: Record<string, string>; settings?: Partial<RuleSettings>; path?: string }
export type ValidCase = string | Case;
export interface InvalidCase extends Case {
  errors: ExpectedFinding[];
  /** Text after applying every finding's main fix once; null: no finding has a fix. Omitted: not checked. */
  output?: string | null;
  /** Text after fix-all with only this rule (passes until no fix is left), when it differs from `output`. */
  fixAllOutput?: string;
  /** Expected other-file edits of the fix (path -> text). */
  fileOutput?: Record<string, string>;
}

function run(rule: Rule, c: Case): Finding[] {
  const res = lint({
    text: c.code, kind: rule.kind, rules: [rule], path: c.path ?? (rule.kind === 'compose' ? 'compose.yaml' : 'Dockerfile'),
    workspace: mapWorkspace(c.files ?? {}), settings: c.settings,
  });
  assert.deepEqual(res.ruleErrors, [], 'the rule threw');
  return res.findings.filter((f) => f.rule === rule.id);
}

export function ruleTests(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }) {
  const label = (c: Case, i: number) => c.name ?? `#${i}: ${JSON.stringify(c.code.length > 60 ? c.code.slice(0, 60) + '…' : c.code)}`;
  cases.valid.forEach((v, i) => {
    const c = typeof v === 'string' ? { code: v } : v;
    test(`${rule.id} valid ${label(c, i)}`, () => {
      const found = run(rule, c);
      assert.deepEqual(found.map((f) => `${f.range.start.line + 1}: ${f.message}`), []);
    });
  });
  cases.invalid.forEach((c, i) => {
    test(`${rule.id} invalid ${label(c, i)}`, () => {
      const found = run(rule, c);
      assert.equal(found.length, c.errors.length, `expected ${c.errors.length} finding(s), got: ${found.map((f) => `${f.range.start.line + 1}: ${f.message}`).join(' | ')}`);
      c.errors.forEach((e, k) => {
        const f = found[k];
        assert.equal(f.range.start.line + 1, e.line, `finding ${k} line`);
        if (e.text !== undefined) assert.equal(c.code.slice(f.span.start, f.span.end), e.text, `finding ${k} range text`);
        if (e.message) assert.match(f.message, e.message);
        assert.ok(f.message.length > 10, 'message says what is wrong');
      });
      if (c.output !== undefined) {
        const fixes = found.filter((f) => f.fix);
        if (c.output === null) {
          assert.equal(fixes.length, 0, 'expected no fix');
        } else {
          assert.ok(fixes.length > 0, 'expected a fix');
          const edits = fixes.flatMap((f) => f.fix!.offsetEdits);
          const out = applyOffsetEdits(c.code, edits);
          assert.equal(out, c.output);
          // The fix removes what it targets (a rule may still report what it cannot fix).
          const after = run(rule, { ...c, code: out });
          assert.ok(after.filter((f) => f.fix).length < fixes.length || after.length < found.length, 'the fix should resolve its finding');
        }
      }
      if (c.fixAllOutput !== undefined) {
        const input = { text: c.code, kind: rule.kind, rules: [rule], path: c.path ?? (rule.kind === 'compose' ? 'compose.yaml' : 'Dockerfile'), workspace: mapWorkspace(c.files ?? {}), settings: c.settings };
        assert.equal(fixAll(input).text, c.fixAllOutput);
      }
      if (c.fileOutput) {
        const fe = found.flatMap((f) => f.fix?.fileEdits ?? []);
        for (const [p, t] of Object.entries(c.fileOutput)) assert.equal(fe.find((e) => e.path === p)?.newText, t, `file edit ${p}`);
      }
    });
  });
}
