/**
 * Quantities asked line by line, one entry per key, in the order first
 * asked: a line posted twice adds up (credit notes, guarantee claims).
 */
export function mergedQuantities<T extends { quantity: number }>(
  entries: readonly T[],
  keyOf: (entry: T) => string | number
): T[] {
  const merged = new Map<string | number, T>()
  for (const entry of entries) {
    const key = keyOf(entry)
    merged.set(key, { ...entry, quantity: (merged.get(key)?.quantity ?? 0) + entry.quantity })
  }
  return [...merged.values()]
}
