// Unified diff of two texts by lines (Myers' O(ND) algorithm), for `seaworthy harden`.

type Op = { kind: ' ' | '-' | '+'; line: string };

function diffLines(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  outer: for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) { x++; y++; }
      v[max + k] = x;
      if (x >= n && y >= m) break outer;
    }
  }
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const vv = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && vv[max + k - 1] < vv[max + k + 1]) ? k + 1 : k - 1;
    const prevX = vv[max + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) ops.push({ kind: ' ', line: a[--x] }), y--;
    if (x === prevX) ops.push({ kind: '+', line: b[--y] }); else ops.push({ kind: '-', line: a[--x] });
  }
  while (x > 0 && y > 0) ops.push({ kind: ' ', line: a[--x] }), y--;
  return ops.reverse();
}

export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string, context = 3): string {
  if (oldText === newText) return '';
  // A trailing newline ends the last line; it does not start an empty one.
  const lines = (t: string) => (t === '' ? [] : t.replace(/\n$/, '').split('\n'));
  const a = lines(oldText);
  const b = lines(newText);
  const ops = diffLines(a, b);
  const out = [`--- ${oldName}`, `+++ ${newName}`];
  let i = 0;
  let aLine = 1;
  let bLine = 1;
  while (i < ops.length) {
    if (ops[i].kind === ' ') { i++; aLine++; bLine++; continue; }
    // A hunk: back up `context` lines, run until `2*context` unchanged lines follow.
    const start = Math.max(0, i - context);
    let hunkA = aLine - (i - start);
    let hunkB = bLine - (i - start);
    let end = i;
    let quiet = 0;
    for (let j = i; j < ops.length; j++) {
      if (ops[j].kind === ' ') { quiet++; if (quiet > 2 * context) break; } else { quiet = 0; end = j; }
    }
    const stop = Math.min(ops.length, end + 1 + context);
    const body: string[] = [];
    let na = 0;
    let nb = 0;
    for (let j = start; j < stop; j++) {
      body.push(ops[j].kind + ops[j].line);
      if (ops[j].kind !== '+') na++;
      if (ops[j].kind !== '-') nb++;
    }
    for (let j = i; j < stop; j++) { if (ops[j].kind !== '+') aLine++; if (ops[j].kind !== '-') bLine++; }
    if (na === 0) hunkA--;
    if (nb === 0) hunkB--;
    out.push(`@@ -${hunkA},${na} +${hunkB},${nb} @@`, ...body);
    i = stop;
  }
  return out.join('\n') + '\n';
}

/** The change from `oldText` to `newText` as minimal whole-line offset edits (one per changed run
 * of lines), so an editor can show and apply each part separately. */
export function lineEdits(oldText: string, newText: string): { start: number; end: number; newText: string }[] {
  const split = (t: string) => t.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const a = split(oldText);
  const ops = diffLines(a, split(newText));
  const edits: { start: number; end: number; newText: string }[] = [];
  let offset = 0;
  let cur: { start: number; end: number; newText: string } | undefined;
  for (const op of ops) {
    if (op.kind === ' ') { if (cur) { edits.push(cur); cur = undefined; } offset += op.line.length; continue; }
    cur ??= { start: offset, end: offset, newText: '' };
    if (op.kind === '-') { offset += op.line.length; cur.end = offset; } else cur.newText += op.line;
  }
  if (cur) edits.push(cur);
  return edits;
}
