// The Dockerfile parser on what BuildKit's own parser decides: comment lines are recognised after any
// leading white space Go's unicode.IsSpace accepts, at the top level and inside continuations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../server/src/core/dockerfile/parse';

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
