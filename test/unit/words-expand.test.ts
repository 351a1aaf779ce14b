// Variable expansion of instruction arguments (BuildKit's rules), and the scratch lists the readers reuse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expand } from '../../server/src/core/dockerfile/expand';
import { emptied, takeAll } from '../../server/src/core/shell/list-builder';

const vars: Record<string, string> = { A: 'va', E: '', x: 'X' };
const look = (name: string) => vars[name];

test('expansion replaces $NAME and ${NAME...} outside single quotes and keeps everything else as written', () => {
  assert.deepEqual(expand('a $A-${A}_$x.$', look), { value: 'a va-va_X.$', unresolved: [], referenced: ['A', 'A', 'x'] });
  assert.deepEqual(expand('\'$A\' "$A" \\$A $1 $ {A}', look), { value: '\'$A\' "va" \\$A $1 $ {A}', unresolved: [], referenced: ['A'] });
  assert.deepEqual(expand('${E:-d} ${E-d} ${A:+p$x} ${N+p} ${N?} ${9} ${A', look), { value: 'd  pX   ${9} ${A', unresolved: ['N'], referenced: ['E', 'E', 'A', 'N', 'N'] });
  assert.deepEqual(expand('`$A $N', look, '`'), { value: '`$A ', unresolved: ['N'], referenced: ['N'] });
  assert.deepEqual(expand('plain', look), { value: 'plain', unresolved: [], referenced: [] });
});

test('takeAll hands out an exact copy and empties the scratch list; emptied clears what a failed reader left', () => {
  for (const n of [0, 1, 2, 3, 5]) {
    const scratch = Array.from({ length: n }, (_, k) => k);
    const out = takeAll(scratch);
    assert.deepEqual(out, Array.from({ length: n }, (_, k) => k));
    assert.equal(scratch.length, 0);
    assert.notEqual(out, scratch);
  }
  const left = [1, 2];
  assert.equal(emptied(left), left);
  assert.equal(left.length, 0);
});
