import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RunCursor, runsAscend } from '../../server/src/core/shell/offsets';
import { parseShell } from '../../server/src/core/shell/parse';
import { parseDockerfile } from '../../server/src/core/dockerfile/parse';
import { DockerfileAnalysis } from '../../server/src/core/dockerfile/analysis';
import { toSource } from '../../server/src/core/dockerfile/words';

/** A small deterministic generator (the test must not depend on Math.random). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; };
}

test('RunCursor answers as toSource, whatever order offsets are asked in', () => {
  const next = rng(7);
  for (let t = 0; t < 500; t++) {
    const n = 1 + Math.floor(next() * 8);
    const logical: number[] = [];
    const source: number[] = [];
    let l = Math.floor(next() * 3);
    let s = Math.floor(next() * 50);
    for (let k = 0; k < n; k++) {
      logical.push(l);
      source.push(s);
      const len = Math.floor(next() * 6); // empty runs too (equal logical starts)
      l += len;
      s += len + 1 + Math.floor(next() * 4);
    }
    const base = Math.floor(next() * 4);
    const map = { logical, source };
    assert.ok(runsAscend(map));
    const cursor = new RunCursor(map, base);
    for (let q = 0; q < 40; q++) {
      const o = Math.floor(next() * (l + 6)) - 3;
      assert.equal(cursor.map(o), toSource(map, base + o), `runs ${JSON.stringify(map)} base ${base} offset ${o}`);
    }
  }
  assert.equal(runsAscend({ logical: [0, 5, 3], source: [0, 9, 20] }), false);
});

test('a RUN over several lines gets the same spans through the cursor as through a map function', () => {
  const text = 'FROM alpine\nRUN apk add --no-cache \\\n    curl \\\n  && echo "$(date)" \\\n  | tee /x\n';
  const ast = parseDockerfile(text).ast;
  const run = ast.instructions[1];
  const map = run.map;
  const viaCursor = new DockerfileAnalysis(ast).shell(run).commands;
  const viaMap = parseShell(run.rest, { mapOffset: (o) => toSource(map, run.restOffset + o) }).commands;
  assert.deepEqual(viaCursor, viaMap);
  assert.deepEqual(viaCursor.map((c) => text.slice(c.start, c.end)), ['apk add --no-cache \\\n    curl', 'echo "$(date)"', 'date', 'tee /x']);
});
