import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright'

/**
 * Runs axe-core on the page and fails on any serious or critical violation,
 * listing each with the elements it found.
 */
export async function assertAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze()
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  if (blocking.length) {
    const report = blocking
      .map(
        (v) =>
          `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`
      )
      .join('\n')
    throw new Error(
      `axe found ${blocking.length} blocking violation(s) on ${page.url()}:\n${report}`
    )
  }
}
