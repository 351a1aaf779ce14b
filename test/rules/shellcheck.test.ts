// The shellcheck rule with a stand-in for the program (pure): which script and dialect it is given,
// and how its line/column findings land back in the Dockerfile. The real program is exercised by
// test/integration/config-cli.test.ts and config-lsp.test.ts when it is installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/core/engine';
import type { RuleSettings } from '../../server/src/core/config/settings';
import type { ShellcheckComment, ShellDialect } from '../../server/src/core/tools';
import shellcheck from '../../server/src/core/rules/dockerfile/shellcheck';
import { CATALOG } from '../../server/src/core/catalog';
import { RULES } from '../../server/src/core/rules/registry';

/** Reports SC2086 at every `$name` that is not exported on a line before it, like a tiny ShellCheck. */
function fake() {
  const calls: { script: string; dialect: ShellDialect }[] = [];
  const run = (script: string, dialect: ShellDialect): ShellcheckComment[] => {
    calls.push({ script, dialect });
    const out: ShellcheckComment[] = [];
    const exported = new Set(/^export (.*)$/m.exec(script)?.[1].split(' ') ?? []);
    script.split('\n').forEach((line, n) => {
      for (const m of line.matchAll(/\$([A-Za-z_]\w*)/g)) {
        if (exported.has(m[1])) continue;
        out.push({ code: 2086, line: n + 1, endLine: n + 1, column: m.index! + 1, endColumn: m.index! + 1 + m[0].length, level: 'info', message: 'Double quote to prevent globbing and word splitting.',
          fix: { replacements: [{ line: n + 1, endLine: n + 1, column: m.index! + 1, endColumn: m.index! + 1, replacement: '"' }, { line: n + 1, endLine: n + 1, column: m.index! + 1 + m[0].length, endColumn: m.index! + 1 + m[0].length, replacement: '"' }] } });
      }
    });
    return out;
  };
  return { calls, run };
}

function check(text: string, settings?: Partial<RuleSettings>) {
  const f = fake();
  const res = lint({ text, kind: 'dockerfile', settings, tools: { shellcheck: f.run } });
  assert.deepEqual(res.ruleErrors, []);
  const found = res.findings.filter((x) => x.rule === 'shellcheck').map((x) => `${x.range.start.line + 1}:${x.severity}:${text.slice(x.span.start, x.span.end)}:${x.aliases.join()}`);
  return { found, calls: f.calls, findings: res.findings.filter((x) => x.rule === 'shellcheck') };
}

test('not in the registry; documented in the catalog; runs only when the program is lent', () => {
  assert.ok(!RULES.some((r) => r.id === 'shellcheck'));
  assert.ok(CATALOG.some((r) => r.id === 'shellcheck'));
  const none = lint({ text: 'FROM debian:12\nRUN echo $x\n', kind: 'dockerfile' });
  assert.ok(!none.findings.some((f) => f.rule === 'shellcheck'));
});

test('findings land on the exact text, across continuation lines, with their SC code as alias', () => {
  const r = check('FROM debian:12\nRUN echo $a && \\\n    # note\n    echo   $b\n');
  assert.deepEqual(r.found, ['2:info:$a:SC2086', '4:info:$b:SC2086']);
  assert.deepEqual(r.calls.map((c) => c.dialect), ['sh']);
  // The fix ShellCheck proposes is offered, never applied automatically.
  const s = r.findings[0].suggestions![0];
  assert.equal(s.safe, false);
  assert.deepEqual(s.offsetEdits.map((e) => e.newText), ['"', '"']);
  assert.equal(r.findings[0].fix, undefined);
});

test('ARG and ENV in scope (and proxy arguments) count as assigned; ONBUILD triggers do not see them', () => {
  const r = check('FROM debian:12\nARG v=1\nENV w=2\nRUN echo $v $w $HTTP_PROXY $u\nONBUILD RUN echo $v\n');
  assert.deepEqual(r.found, ['4:info:$u:SC2086', '5:info:$v:SC2086']);
  assert.match(r.calls[0].script, /^export (?=.*\bv\b)(?=.*\bw\b)(?=.*\bHTTP_PROXY\b).*\necho /);
  // A global ARG is not in a stage's scope unless declared again there.
  assert.deepEqual(check('ARG g=1\nFROM debian:12\nRUN echo $g\n').found, ['3:info:$g:SC2086']);
});

test('the dialect follows SHELL (in the stage or a stage it builds on) and # hadolint shell=; other shells are skipped', () => {
  const d = (text: string) => check(text).calls.map((c) => c.dialect);
  assert.deepEqual(d('FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN echo hi\n'), ['bash']);
  assert.deepEqual(d('FROM debian:12 AS base\nSHELL ["/bin/bash", "-c"]\nFROM base\nRUN echo hi\nFROM debian:12\nRUN echo hi\n'), ['bash', 'sh']);
  assert.deepEqual(d('FROM debian:12\nSHELL ["/bin/bash", "-c"]\nONBUILD RUN echo hi\n'), ['sh']);
  assert.deepEqual(d('FROM alpine:3\nSHELL ["/bin/ash", "-c"]\nRUN echo hi\n'), ['sh']);
  assert.deepEqual(d('FROM x\nSHELL ["pwsh", "-c"]\nRUN Get-Item x\n'), []);
  assert.deepEqual(d('# hadolint shell=powershell.exe\nFROM x\nRUN Get-Item x\nFROM y\nRUN Get-Item y\n'), []);
  assert.deepEqual(d('FROM x\n# hadolint shell=cmd\nRUN dir\nFROM y\nRUN ls\n'), ['sh']);
  assert.deepEqual(d('FROM debian:12\nRUN ["echo", "$x"]\n'), []);
});

test('a heredoc script is checked as written', () => {
  assert.deepEqual(check('FROM debian:12\nRUN <<EOF\nset -e\necho $x\nEOF\n').found, ['4:info:$x:SC2086']);
});

test('per-code settings, the rule\'s own level, and suppression by SC code', () => {
  assert.deepEqual(check('FROM debian:12\nRUN echo $x\n', { rules: { SC2086: 'off' } }).found, []);
  assert.deepEqual(check('FROM debian:12\nRUN echo $x\n', { rules: { SC2086: 'error' } }).found, ['2:error:$x:SC2086']);
  assert.deepEqual(check('FROM debian:12\nRUN echo $x\n', { rules: { shellcheck: 'warning' } }).found, ['2:warning:$x:SC2086']);
  assert.deepEqual(check('FROM debian:12\nRUN echo $x\n', { rules: { shellcheck: 'off' } }).found, []);
  assert.deepEqual(check('FROM debian:12\n# hadolint ignore=SC2086\nRUN echo $x\nRUN echo $y\n').found, ['4:info:$y:SC2086']);
  assert.deepEqual(check('FROM debian:12\n# seaworthy-ignore SC2086\nRUN echo $x\n').found, []);
});

test('an adapter that runs many scripts at once gets every RUN script of the file in one call, and the same findings', () => {
  const text = 'FROM debian:12\nARG v=1\nRUN echo $a\nRUN <<EOF\necho $v $b\nEOF\nSHELL ["/bin/bash", "-c"]\nRUN echo $c && \\\n    echo $d\n';
  const one = check(text);
  const f = fake();
  const batches: number[] = [];
  const res = lint({ text, kind: 'dockerfile', tools: { shellcheck: f.run, shellcheckAll: (scripts) => { batches.push(scripts.length); return scripts.map((s) => f.run(s.script, s.dialect)); } } });
  assert.deepEqual(batches, [3]);
  assert.deepEqual(f.calls, one.calls, 'the same scripts and dialects, in document order');
  const key = (x: (typeof res.findings)[number]) => JSON.stringify([x.span, x.severity, x.message, x.aliases, x.suggestions?.map((s) => s.offsetEdits)]);
  assert.deepEqual(res.findings.filter((x) => x.rule === 'shellcheck').map(key), one.findings.map(key));
  assert.deepEqual(one.found, ['3:info:$a:SC2086', '5:info:$b:SC2086', '8:info:$c:SC2086', '9:info:$d:SC2086']);
});
