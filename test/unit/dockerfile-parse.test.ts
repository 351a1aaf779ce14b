// The Dockerfile parser on what BuildKit's own parser decides: comment lines are recognised after any
// leading white space Go's unicode.IsSpace accepts, at the top level and inside continuations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../server/src/core/dockerfile/parse';
import type { Instruction } from '../../server/src/core/dockerfile/model';
import type { Span } from '../../server/src/core/types';

const shape = (text: string) => {
  const { ast, errors } = parseDockerfile(text);
  return { instructions: ast.instructions.map((i) => [i.keyword, i.argsText]), comments: ast.comments.map((c) => [c.line, c.text, text.slice(c.start, c.end)]), errors: errors.length };
};

test('a # after Unicode white space starts a comment line, as in BuildKit', () => {
  assert.deepEqual(shape('\u00a0# top\nFROM x\n'), { instructions: [['FROM', 'x']], comments: [[0, 'top', '# top']], errors: 0 });
  assert.deepEqual(shape('ENV A \\\n\u00a0\u3000#c\n  b\n'), { instructions: [['ENV', 'A   b']], comments: [[1, 'c', '#c']], errors: 0 });
  assert.deepEqual(shape('RUN a \\\n \t#x\n  && b\n'), { instructions: [['RUN', 'a   && b']], comments: [[1, 'x', '#x']], errors: 0 });
});

test('a zero-width space or a BOM character is not white space to Docker: that line is an argument', () => {
  assert.deepEqual(shape('RUN a \\\n\u200b#x\n').instructions, [['RUN', 'a \u200b#x']]);
  // Found by the fuzzer (seed 1147571878): JavaScript's trim() drops U+FEFF, Go's unicode.IsSpace does not.
  assert.deepEqual(shape('RUN zypper -n in\\\n \ufeff#\n').instructions, [['RUN', 'zypper -n in \ufeff#']]);
});

// Each instruction's keyword and words as `raw|value|source text`; an ONBUILD's trigger nested.
const wordsOf = (text: string) => {
  const show = (i: Instruction): unknown[] => [i.keyword, ...i.words.map((w) => `${w.raw}|${w.value}|${text.slice(w.start, w.end)}`), ...(i.trigger ? [show(i.trigger)] : [])];
  return parseDockerfile(text).ast.instructions.map(show);
};

test('words (computed on first read) across continuations, comments in them, flags, quotes and escapes', () => {
  assert.deepEqual(wordsOf('FROM alpine AS build\nRUN --mount=type=cache,target=/root/.npm \\\n  # a comment\n  npm ci "a b" \'c d\' e\\ f\n'), [
    ['FROM', 'alpine|alpine|alpine', 'AS|AS|AS', 'build|build|build'],
    ['RUN', 'npm|npm|npm', 'ci|ci|ci', '"a b"|a b|"a b"', "'c d'|c d|'c d'", 'e\\ f|e f|e\\ f'],
  ]);
  assert.deepEqual(wordsOf('FROM x\nRUN ab\\\ncd ef\n')[1], ['RUN', 'abcd|abcd|ab\\\ncd', 'ef|ef|ef']);
  assert.deepEqual(wordsOf('FROM x\r\nRUN a \\\r\n  b\r\nCOPY --chown=1 a b /c/\r\n'), [
    ['FROM', 'x|x|x'], ['RUN', 'a|a|a', 'b|b|b'], ['COPY', 'a|a|a', 'b|b|b', '/c/|/c/|/c/'],
  ]);
});

test('words under the escape directive, with heredocs, a BOM, ONBUILD triggers and HEALTHCHECK CMD', () => {
  assert.deepEqual(wordsOf('# escape=`\nFROM x\nRUN echo `\n  "a`"b" c\\d\n')[1], ['RUN', 'echo|echo|echo', '"a`"b"|a"b|"a`"b"', 'c\\d|c\\d|c\\d']);
  assert.deepEqual(wordsOf('FROM x\nRUN <<EOF cat\nhello\nEOF\nCOPY <<a.txt /dst\nbody\na.txt\n').slice(1), [
    ['RUN', '<<EOF|<<EOF|<<EOF', 'cat|cat|cat'], ['COPY', '<<a.txt|<<a.txt|<<a.txt', '/dst|/dst|/dst'],
  ]);
  // The parser sees the BOM as part of the first line (lint replaces it with a space first).
  assert.deepEqual(wordsOf('\ufeffFROM x\nRUN a b\n'), [['', 'FROM|FROM|FROM', 'x|x|x'], ['RUN', 'a|a|a', 'b|b|b']]);
  // An ONBUILD has no words of its own: they are its trigger's. One without a trigger has none either.
  assert.deepEqual(wordsOf('FROM x\nONBUILD COPY --from=y a /b\nONBUILD\n').slice(1), [['ONBUILD', ['COPY', 'a|a|a', '/b|/b|/b']], ['ONBUILD']]);
  assert.deepEqual(wordsOf('FROM x\nHEALTHCHECK --interval=5s CMD ["curl", "x"]\n')[1], ['HEALTHCHECK', 'CMD|CMD|CMD', '["curl",|[curl,|["curl",', '"x"]|x]|"x"]']);
});

test('words are computed once: every read returns the same list', () => {
  const [run] = parseDockerfile('RUN a b\n').ast.instructions;
  assert.equal(run.words, run.words);
});

test('keywords: upper, lower and mixed case give the upper-cased keyword; the written form is kept', () => {
  const { ast, errors } = parseDockerfile('from x\nRun a\nRUN b\nfoo bar\n');
  assert.deepEqual(ast.instructions.map((i) => [i.keyword, i.keywordRaw, i.known]), [['FROM', 'from', true], ['RUN', 'Run', true], ['RUN', 'RUN', true], ['FOO', 'foo', false]]);
  assert.deepEqual(errors.map((e) => e.message), ['unknown instruction: foo']);
});

test('an ONBUILD trigger maps to its own text, and the ONBUILD keeps its own span', () => {
  const text = 'FROM x\n  ONBUILD   RUN  echo hi\n';
  const onbuild = parseDockerfile(text).ast.instructions[1];
  assert.equal(text.slice(onbuild.argsSpan.start, onbuild.argsSpan.end), 'RUN  echo hi');
  assert.equal(text.slice(onbuild.trigger!.keywordSpan.start, onbuild.trigger!.keywordSpan.end), 'RUN');
  assert.equal(text.slice(onbuild.trigger!.argsSpan.start, onbuild.trigger!.argsSpan.end), 'echo hi');
  assert.equal(text.slice(onbuild.argsSpan.start, onbuild.argsSpan.end), 'RUN  echo hi');
});

test('exec form: JSON escapes are decoded, text that is not a JSON array of strings is no exec form', () => {
  const exec = (args: string) => parseDockerfile(`CMD ${args}\n`).ast.instructions[0].exec?.values.map((v) => v.value);
  assert.deepEqual(exec('["a\\"b", "\\u00e9\\u0041", "x\\\\y\\/z", "\\n\\t\\b\\f\\r", "plain"]'), ['a"b', 'éA', 'x\\y/z', '\n\t\b\f\r', 'plain']);
  assert.deepEqual(exec('[ ]'), []);
  for (const bad of ['["\\x"]', '["\\u12G4"]', '["a\u0001"]', '["a"', '["a" "b"]', '["a"] x', '[\'a\']']) assert.equal(exec(bad), undefined, bad);
});

test('quotes and escapes are removed from word values as BuildKit does', () => {
  const values = (text: string) => parseDockerfile(text).ast.instructions[0].words.map((w) => w.value);
  assert.deepEqual(values('COPY "a\\"b" \'c\\d\' "e\\f" \\"g "$\\$" x\\y\n'), ['a"b', 'c\\d', 'e\\f', '"g', '$$', 'xy']);
  assert.deepEqual(values('# escape=`\nCOPY "a`"b" a\\b `x "c`d" \'`\'\n'), ['a"b', 'a\\b', 'x', 'c`d', '`']);
  const [flag] = parseDockerfile('COPY --chown="a b"\'c\' x y\n').ast.instructions[0].flags;
  assert.deepEqual([flag.name, flag.value], ['chown', 'a bc']);
});

// Keyword, keyword/args/rest spans' text, whether restSpan is argsSpan, words and flags (`flag|name|value`), trigger nested.
const spansOf = (text: string) => {
  const at = (s: Span) => text.slice(s.start, s.end);
  const show = (i: Instruction): unknown[] => [i.keyword, at(i.keywordSpan), at(i.argsSpan), at(i.restSpan), i.restSpan === i.argsSpan,
    ...i.words.map(at), ...i.flags.map((f) => `${at(f)}|${at(f.nameSpan)}|${f.valueSpan ? at(f.valueSpan) : ''}`), ...(i.trigger ? [show(i.trigger)] : [])];
  return parseDockerfile(text).ast.instructions.map(show);
};

test('source maps: a keyword line ending in a continuation, empty continuation lines, flags on several lines', () => {
  assert.deepEqual(spansOf('RUN \\\n  echo a\n'), [['RUN', 'RUN', 'echo a', 'echo a', false, 'echo', 'a']]);
  assert.deepEqual(spansOf('RUN\\\n\\\n  x y\n'), [['RUN', 'RUN', 'x y', 'x y', false, 'x', 'y']]);
  assert.deepEqual(spansOf('COPY --from=a \\\n  --chown=1 \\\n  x /y\n'), [
    ['COPY', 'COPY', '--from=a \\\n  --chown=1 \\\n  x /y', 'x /y', false, 'x', '/y', '--from=a|--from|a', '--chown=1|--chown|1'],
  ]);
  assert.deepEqual(spansOf('RUN --mount=x\n'), [['RUN', 'RUN', '--mount=x', '', false, '--mount=x|--mount|x']]);
  assert.deepEqual(spansOf('ENV\n'), [['ENV', 'ENV', '', '', false]]);
});

test('source maps: an ONBUILD keeps its own map while its trigger maps its part of it (rest span = args span)', () => {
  assert.deepEqual(spansOf('ONBUILD \\\n  RUN \\\n  echo \\\n  b\n'), [
    ['ONBUILD', 'ONBUILD', 'RUN \\\n  echo \\\n  b', 'RUN \\\n  echo \\\n  b', true, ['RUN', 'RUN', 'echo \\\n  b', 'echo \\\n  b', false, 'echo', 'b']],
  ]);
  assert.deepEqual(spansOf('ONBUILD   COPY  --from=a x\\\n /y\n'), [
    ['ONBUILD', 'ONBUILD', 'COPY  --from=a x\\\n /y', 'COPY  --from=a x\\\n /y', true, ['COPY', 'COPY', '--from=a x\\\n /y', 'x\\\n /y', false, 'x', '/y', '--from=a|--from|a']],
  ]);
  // The same object whichever of the two is read first.
  const [onbuild] = parseDockerfile('ONBUILD RUN x\n').ast.instructions;
  assert.equal(onbuild.restSpan, onbuild.argsSpan);
});

test('a one-line instruction builds its map on first read: the same map as a continued one, shifted past the keyword', () => {
  const text = 'FROM x\n  COPY a b\nRUN a \\\n  b\nONBUILD RUN c\n';
  const [, copy, run, onbuild] = parseDockerfile(text).ast.instructions;
  assert.deepEqual(copy.map, { logical: [0], source: [text.indexOf('a b')] });
  assert.equal(copy.map, copy.map);
  assert.deepEqual(run.map, { logical: [0, 2], source: [text.indexOf('a \\'), text.indexOf('  b')] });
  assert.deepEqual(onbuild.map, { logical: [0], source: [text.indexOf('RUN c')] });
  assert.deepEqual(onbuild.trigger!.map, { logical: [0], source: [text.indexOf('c\n')] });
});

test('keyword spans, heredoc lists and unknown-keyword errors are the same objects on every read', () => {
  const { ast, errors } = parseDockerfile('FROM x\nFOO bar\nRUN <<EOF\necho\nEOF\n');
  const [, foo, run] = ast.instructions;
  assert.equal(foo.keywordSpan, foo.keywordSpan);
  assert.equal(errors[0].span, foo.keywordSpan);
  assert.deepEqual(foo.heredocs, []);
  assert.equal(foo.heredocs, foo.heredocs);
  assert.deepEqual(run.heredocs.map((h) => [h.name, h.body]), [['EOF', 'echo']]);
  assert.notEqual(foo.heredocs, ast.instructions[0].heredocs);
});

test('word, flag and pair lists are exact and independent: no list is shared between instructions', () => {
  const { ast } = parseDockerfile('FROM a AS b\nCOPY --from=b --chown=1 x y\nCOPY --link p q\nENV A=1 B="2 3"\nENV C d e\nLABEL k\n');
  const [from, copy1, copy2, env1, env2, label] = ast.instructions;
  assert.deepEqual(from.words.map((w) => w.value), ['a', 'AS', 'b']);
  assert.deepEqual(copy1.flags.map((f) => [f.name, f.value]), [['from', 'b'], ['chown', '1']]);
  assert.deepEqual(copy2.flags.map((f) => [f.name, f.value]), [['link', undefined]]);
  assert.notEqual(copy1.flags, copy2.flags);
  assert.deepEqual(env1.pairs.map((p) => [p.key, p.value, p.legacy]), [['A', '1', false], ['B', '2 3', false]]);
  assert.deepEqual(env2.pairs.map((p) => [p.key, p.value, p.legacy]), [['C', 'd e', true]]);
  assert.deepEqual(label.pairs.map((p) => [p.key, p.value, p.legacy]), [['k', undefined, true]]);
  assert.notEqual(copy1.words, copy2.words);
});

test('ONBUILD triggers are read 100 deep: 5,000 nested ONBUILDs parse and lint without overflowing the stack', async () => {
  const { lint } = await import('../../server/src/core/engine');
  const depthOf = (i: Instruction) => { let d = 0; for (let t = i.trigger; t; t = t.trigger) d++; return d; };
  const text = (n: number) => 'FROM x\n' + 'ONBUILD '.repeat(n) + 'RUN a\n';
  // Up to the limit the chain is whole, down to the RUN.
  const whole = parseDockerfile(text(100)).ast.instructions[1];
  assert.equal(depthOf(whole), 100);
  let last = whole; while (last.trigger) last = last.trigger;
  assert.equal(last.keyword, 'RUN');
  // Beyond it the 101st ONBUILD keeps the rest as its own text (it used to throw RangeError from 3,000 levels on).
  const deep = parseDockerfile(text(5000)).ast.instructions[1];
  assert.equal(depthOf(deep), 100);
  let cut = deep; while (cut.trigger) cut = cut.trigger;
  assert.equal(cut.keyword, 'ONBUILD');
  assert.ok(cut.argsText.startsWith('ONBUILD ONBUILD') && cut.argsText.endsWith('RUN a'));
  const result = lint({ text: text(5000), kind: 'dockerfile' });
  assert.deepEqual(result.ruleErrors, []);
  assert.equal(result.findings.filter((f) => f.rule === 'onbuild-invalid-trigger').length, 100);
});
