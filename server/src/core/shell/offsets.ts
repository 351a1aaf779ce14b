// Mapping offsets of a script read from several runs of a document (a RUN continued over lines) back to it.

/** Where each run of the script starts: in the script (`logical`, ascending) and in the document (`source`). */
export interface ScriptRuns {
  readonly logical: readonly number[];
  readonly source: readonly number[];
}

/**
 * `o => document offset of script offset base + o`, for offsets asked in nearly ascending order, as the shell
 * parser asks them (a word's start and end, then the next word's): a cursor on the current run instead of a binary
 * search per offset. The answer is that of the last run starting at or before the offset, else of the first.
 * A class rather than a closure per script: the parser's call to `map` is monomorphic and gets inlined, where a
 * closure per script was a separate call costing 3 % of reading the corpus' RUNs.
 */
export class RunCursor {
  private run = 0;

  constructor(private runs: ScriptRuns, private base: number) {}

  /** This cursor, moved to other runs (the shell parser reuses one for every script). */
  restart(runs: ScriptRuns, base: number): this {
    this.runs = runs;
    this.base = base;
    this.run = 0;
    return this;
  }

  map(o: number): number {
    const x = this.base + o;
    const logical = this.runs.logical;
    let k = this.run;
    while (k > 0 && logical[k] > x) k--;
    while (k + 1 < logical.length && logical[k + 1] <= x) k++;
    this.run = k;
    return this.runs.source[k] + (x - logical[k]);
  }
}

/** True when the runs' script offsets ascend (the cursor needs it; a map built otherwise gets a binary search). */
export function runsAscend(runs: ScriptRuns): boolean {
  const logical = runs.logical;
  for (let k = 1; k < logical.length; k++) if (!(logical[k - 1] <= logical[k])) return false;
  return true;
}
