/**
 * Duplicate detection, in one place: every list the library checks for repeats (database users and
 * external IDs, Regions, databases, the roles of a chain, the roles attached to a cluster) goes
 * through these two functions with its own notion of "the same".
 *
 * `keyOf` gives the identity of an item: a string, or the object itself. It returns `undefined`
 * for an item that cannot be compared yet (an unresolved Token), which is then never a repeat.
 */

/** The first item whose key is the key of an earlier item, if any. */
export function firstRepeat<T, K>(items: Iterable<T>, keyOf: (item: T) => K | undefined): T | undefined {
  const seen = new Set<K>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) continue;
    if (seen.has(key)) return item;
    seen.add(key);
  }
  return undefined;
}

/** The items in order, without those whose key repeats an earlier item's key. */
export function distinctBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K | undefined): T[] {
  const seen = new Set<K>();
  const result: T[] = [];
  for (const item of items) {
    const key = keyOf(item);
    if (key !== undefined) {
      if (seen.has(key)) continue;
      seen.add(key);
    }
    result.push(item);
  }
  return result;
}
