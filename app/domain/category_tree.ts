/**
 * The fields of a category that place it in the tree.
 */
export interface TreeNode {
  id: number
  parentId: number | null
  position: number
}

export interface CategoryTreeEntry<T extends TreeNode> {
  category: T
  /** Its rank among its siblings, 1 first. */
  rank: number
  /** How many categories share its parent, itself included. */
  siblings: number
}

/**
 * Categories in the order a tree shows them: each one followed by its
 * children, siblings in the merchant's order (their position, then their id,
 * which is the order they were created in). A category whose parent is not in
 * the list is shown among the roots rather than lost.
 */
export function categoryTree<T extends TreeNode>(categories: readonly T[]): CategoryTreeEntry<T>[] {
  const present = new Set(categories.map((category) => category.id))
  const childrenOf = new Map<number | null, T[]>()
  for (const category of categories) {
    const parentId =
      category.parentId !== null && present.has(category.parentId) ? category.parentId : null
    childrenOf.set(parentId, [...(childrenOf.get(parentId) ?? []), category])
  }

  const entries: CategoryTreeEntry<T>[] = []
  const visit = (parentId: number | null) => {
    const siblings = (childrenOf.get(parentId) ?? []).sort(
      (a, b) => a.position - b.position || a.id - b.id
    )
    for (const [index, category] of siblings.entries()) {
      entries.push({ category, rank: index + 1, siblings: siblings.length })
      visit(category.id)
    }
  }
  visit(null)
  return entries
}

/**
 * The bounds of a subtree's materialised paths ("/1/4/" and below): every path
 * that starts with `path` sorts from `path` (inclusive) to `path` with its
 * closing "/" replaced by the next character, "0" (exclusive), since no path
 * character sorts between them. A range both databases read from the path
 * index, where SQLite cannot use an index for `LIKE '/1/4/%'` (its LIKE
 * ignores case, the index does not).
 */
export function subtreePathRange(path: string): { from: string; to: string } {
  if (!path.endsWith('/')) throw new Error(`A category path ends with "/": ${path}`)
  return { from: path, to: `${path.slice(0, -1)}0` }
}
