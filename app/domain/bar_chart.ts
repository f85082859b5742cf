/**
 * The geometry of a small bar chart drawn as SVG on the server: one bar per
 * point, scaled to the largest value, in a viewBox of the given size. The
 * template draws it; the numbers themselves are given again as a table.
 */

export interface ChartPoint {
  readonly label: string
  readonly value: number
}

export interface ChartBar extends ChartPoint {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

export interface BarChart {
  readonly width: number
  readonly height: number
  readonly max: number
  readonly bars: readonly ChartBar[]
}

const round = (value: number) => Math.round(value * 100) / 100

export function barChart(
  points: readonly ChartPoint[],
  size: { width: number; height: number; gap: number } = { width: 600, height: 120, gap: 2 }
): BarChart {
  const max = Math.max(0, ...points.map((point) => point.value))
  const slot = points.length ? size.width / points.length : 0
  const barWidth = Math.max(slot - size.gap, 1)
  return {
    width: size.width,
    height: size.height,
    max,
    bars: points.map((point, index) => {
      // A day with something stays visible next to a much larger one.
      const scaled = max > 0 && point.value > 0 ? Math.max((point.value / max) * size.height, 1) : 0
      return {
        ...point,
        x: round(index * slot + size.gap / 2),
        y: round(size.height - scaled),
        width: round(barWidth),
        height: round(scaled),
      }
    }),
  }
}
