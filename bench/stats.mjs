// Order statistics shared by bench.mjs and in-process.mjs.

/** The `p`-quantile of `a` (nearest rank, no interpolation); undefined for an empty list. */
export const pct = (a, p) => { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
export const p50 = (a) => pct(a, 0.5);
