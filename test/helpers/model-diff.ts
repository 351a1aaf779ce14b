// Structural comparison of two Compose parse results (model, comments, errors…), for the differential
// test of the fast YAML reader against the library path. Unlike assert.deepStrictEqual it also checks
// that objects are shared the same way (an alias is the same object as its anchor's node) and it visits
// each shared object once, so alias-heavy inputs stay cheap.

const show = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : String(v));

/** The first difference between `a` and `b` (path and values), or undefined when they are equal. */
export function modelDiff(a: unknown, b: unknown): string | undefined {
  const seenA = new Map<object, object>();
  const seenB = new Map<object, object>();
  const stack: [unknown, unknown, string][] = [[a, b, '$']];
  while (stack.length) {
    const [x, y, path] = stack.pop()!;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) {
      if (!Object.is(x, y)) return `${path}: ${show(x)} (${typeof x}) vs ${show(y)} (${typeof y})`;
      continue;
    }
    const px = seenA.get(x);
    const py = seenB.get(y);
    if (px || py) {
      if (px !== y || py !== x) return `${path}: shared differently`;
      continue;
    }
    seenA.set(x, y);
    seenB.set(y, x);
    if (Object.getPrototypeOf(x) !== Object.getPrototypeOf(y)) return `${path}: different prototypes`;
    const kx = Object.keys(x).sort();
    const ky = Object.keys(y).sort();
    if (kx.join('\0') !== ky.join('\0')) return `${path}: keys [${kx}] vs [${ky}]`;
    if (Array.isArray(x) && x.length !== (y as unknown[]).length) return `${path}: length ${x.length} vs ${(y as unknown[]).length}`;
    for (let i = kx.length - 1; i >= 0; i--) {
      const k = kx[i];
      stack.push([(x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], `${path}.${k}`]);
    }
  }
  return undefined;
}
