/**
 * Ordering by hand: the merchant says "put this one at position N" (1 = first)
 * and everything else keeps its relative order.
 */

/**
 * `items` with `item` moved to `position`, counted from 1 and clamped to the
 * list, so a position past the end means last. Unchanged when `item` is not in
 * the list.
 */
export function moveToPosition<T>(items: readonly T[], item: T, position: number): T[] {
  const others = items.filter((candidate) => candidate !== item)
  if (others.length === items.length) return [...items]
  const wanted = Number.isFinite(position) ? Math.trunc(position) : items.length
  others.splice(Math.min(Math.max(wanted, 1), items.length) - 1, 0, item)
  return others
}

/**
 * The stored positions (0 first) to write so `ordered` reads back in that
 * order: only the items whose current position differs from their index.
 */
export function changedPositions<T>(
  ordered: readonly T[],
  currentPosition: (item: T) => number
): { item: T; position: number }[] {
  return ordered.flatMap((item, position) =>
    currentPosition(item) === position ? [] : [{ item, position }]
  )
}
