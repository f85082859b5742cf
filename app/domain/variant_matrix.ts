/**
 * The variants generator: every combination of the chosen option values
 * (sizes 38–39 × colours black, red → four variants), each with a SKU made of
 * a base and the option codes.
 */
export interface MatrixAxis {
  attributeId: number
  options: { id: number; code: string }[]
}

export interface MatrixCell {
  sku: string
  options: Record<number, number>
}

export function variantMatrix(baseSku: string, axes: MatrixAxis[]): MatrixCell[] {
  const used = axes.filter((axis) => axis.options.length > 0)
  if (!used.length) return []
  let cells: MatrixCell[] = [{ sku: baseSku, options: {} }]
  for (const axis of used) {
    cells = cells.flatMap((cell) =>
      axis.options.map((option) => ({
        sku: `${cell.sku}-${option.code}`.toUpperCase(),
        options: { ...cell.options, [axis.attributeId]: option.id },
      }))
    )
  }
  return cells
}
