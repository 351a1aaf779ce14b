// Tables keyed by text from the user (command names, image names, config levels) are plain objects; `table[key]`
// would answer "constructor" or "valueOf" with Object.prototype's functions. Look up own entries only.

/** The table's own entry for `key`, or undefined (never an inherited member of Object.prototype). */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
