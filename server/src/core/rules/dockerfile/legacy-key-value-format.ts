import { defineDockerfileRule } from '../../rule';
import type { DockerfileContext } from '../../rule';
import type { Instruction } from '../../dockerfile/model';
import type { FixSpec } from '../../types';

export default defineDockerfileRule({
  id: 'legacy-key-value-format',
  aliases: ['LegacyKeyValueFormat'],
  severity: 'info',
  profile: 'recommended',
  fixable: 'sometimes',
  docs: {
    summary: 'ENV or LABEL uses the legacy space-separated form `ENV key value`.',
    why: 'In the legacy form everything after the key, spaces included, is one value, so `ENV A 1 B 2` sets A to "1 B 2". The form is deprecated; `key=value` says exactly what is set and allows several pairs.',
    bad: 'FROM alpine:3.20\nENV APP_HOME /srv/app\n',
    good: 'FROM alpine:3.20\nENV APP_HOME=/srv/app\n',
    fix: 'The safe fix writes `key=value`. A value with spaces is wrapped in double quotes so it stays one value; when it already contains quotes or escapes mixed with spaces, it is left for you to rewrite.',
    notes: 'BuildKit\'s rule documentation also shows `ARG foo bar`, but BuildKit itself does not report it: that line declares two ARGs, a common and correct idiom (`ARG TARGETOS TARGETARCH`). Seaworthy does not report it either.',
  },
  handlers: { ENV: check, LABEL: check },
});

function check(i: Instruction, ctx: DockerfileContext): void {
  const p = i.pairs[0];
  if (!p?.legacy || p.value === undefined || !p.valueSpan || !i.words[0]) return;
  const logicalValue = i.argsText.slice(i.words[0].raw.length).trim();
  const gap = ctx.text.slice(p.keySpan.end, p.valueSpan.start);
  let fix: FixSpec | undefined;
  if (!gap.includes('#')) {
    const esc = ctx.doc.escape;
    const needsQuotes = hasUnquotedSpace(logicalValue, esc);
    const edits = [{ start: p.keySpan.end, end: p.valueSpan.start, newText: needsQuotes ? '="' : '=' }];
    if (needsQuotes) edits.push({ start: p.valueSpan.end, end: p.valueSpan.end, newText: '"' });
    if (!needsQuotes || (!/["']/.test(logicalValue) && !logicalValue.includes(esc))) {
      fix = { title: `Write ${i.keyword} ${p.key}=…`, safe: true, edits };
    }
  }
  ctx.report({
    span: p.keySpan,
    message: `Use "${i.keyword} ${p.key}=value": the legacy "${i.keyword} key value" form is deprecated and takes everything after the key, spaces included, as the value.`,
    fix,
  });
}

/** Whitespace outside quotes and not escaped: the new form would split the value there. */
function hasUnquotedSpace(text: string, escape: string): boolean {
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) { if (c === quote) quote = ''; else if (c === escape && quote === '"') i++; continue; }
    if (c === escape) { i++; continue; }
    if (c === '"' || c === "'") { quote = c; continue; }
    if (/\s/.test(c)) return true;
  }
  return false;
}
