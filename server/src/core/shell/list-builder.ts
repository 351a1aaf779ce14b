// Exact-size lists for the parsers' results, which a lint keeps until it ends.

/**
 * The items collected in `scratch`, in an exact-size array of their own; `scratch` is emptied for reuse. A `[]`
 * grown by push reserves 17 slots at its first push, and most lists of words, flags, pairs or map segments have
 * one to three items: the spare slots were a twelfth of what a parse of the 5,000-line file keeps. Each reader
 * collects into a scratch array of its own (none of them nests) with a plain push, which stays monomorphic.
 */
export function takeAll<T>(scratch: T[]): T[] {
  return takeFrom(scratch, 0);
}

/** The items of `stack` from `base` on, in an exact-size array of their own; they leave the stack. */
export function takeFrom<T>(stack: T[], base: number): T[] {
  // The short lists as literals, which the compiler allocates inline (a slice is a builtin call): filling and
  // taking lists of up to three items got about a third faster.
  switch (stack.length - base) {
    case 0: return [];
    case 1: return [stack.pop()!];
    case 2: { const b = stack.pop()!; return [stack.pop()!, b]; }
    case 3: { const c = stack.pop()!; const b = stack.pop()!; return [stack.pop()!, b, c]; }
    default: {
      const out = stack.slice(base);
      while (stack.length > base) stack.pop(); // setting `length` is a runtime call, slower than popping a few items
      return out;
    }
  }
}

/** Removes the items of `stack` from `base` on (a reader that keeps none of them). */
export function dropFrom<T>(stack: T[], base: number): void {
  while (stack.length > base) stack.pop();
}

/**
 * `scratch`, emptied: a reader calls this before collecting, because an exception thrown while it collected (a
 * stack overflow in a deep caller) would have left items there for the next reader.
 */
export function emptied<T>(scratch: T[]): T[] {
  while (scratch.length) scratch.pop();
  return scratch;
}
