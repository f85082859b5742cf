import { readFile } from 'node:fs/promises'
import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

interface Invariant {
  name: string
  passed: boolean
  detail: string
}

interface LoadTestReport {
  runId: string
  errors: Record<string, number>
  checkouts: { email: string; orderNumber: string }[]
}

/**
 * What must hold in the database after `npm run loadtest` (issue 10): stock
 * never negative and always the sum of its movements (a level starts at 0
 * and every change, the initial count included, is a movement), one order
 * per successful checkout of the run and none without one, and no 5xx seen.
 * Exit code 1 when one fails.
 */
export default class LoadtestInvariants extends BaseCommand {
  static commandName = 'loadtest:invariants'
  static description = 'Check the database invariants after a load test run (exit 1 on failure)'
  static options: CommandOptions = { startApp: true }

  // `run` is the command's method: the flag keeps its name on another property.
  @flags.string({
    flagName: 'run',
    description: 'The run id the load test printed',
    required: true,
  })
  declare runId: string

  @flags.string({ description: 'The run’s JSON report', default: 'tmp/loadtest/latest.json' })
  declare report: string

  @flags.boolean({ description: 'Print a machine-readable JSON result' })
  declare json: boolean

  async run() {
    const { default: db } = await import('@adonisjs/lucid/services/db')
    const report = await this.readReport()
    const invariants: Invariant[] = []

    const negative = await db
      .from('stock_levels')
      .where('quantity', '<', 0)
      .count('* as total')
      .first()
    const negativeCount = Number(negative?.total ?? 0)
    invariants.push({
      name: 'no_negative_stock',
      passed: negativeCount === 0,
      detail: `${negativeCount} stock level(s) below zero`,
    })

    const unbalanced = await db
      .from('stock_levels as l')
      .leftJoin('stock_movements as m', (join) => {
        join.on('m.variant_id', 'l.variant_id').andOn('m.stock_location_id', 'l.stock_location_id')
      })
      .groupBy('l.variant_id', 'l.stock_location_id', 'l.quantity')
      .havingRaw('l.quantity <> COALESCE(SUM(m.delta), 0)')
      .select('l.variant_id', 'l.stock_location_id', 'l.quantity')
      .select(db.raw('COALESCE(SUM(m.delta), 0) as moved'))
    invariants.push({
      name: 'stock_movements_add_up',
      passed: unbalanced.length === 0,
      detail: unbalanced.length
        ? `${unbalanced.length} stock level(s) differ from their movements, e.g. ` +
          unbalanced
            .slice(0, 3)
            .map(
              (row) =>
                `variant ${row.variant_id} at ${row.stock_location_id}: ${row.quantity} ≠ ${row.moved}`
            )
            .join('; ')
        : 'every stock level equals the sum of its movements',
    })

    if (!report) {
      invariants.push({
        name: 'one_order_per_checkout',
        passed: false,
        detail: `no report of run ${this.runId} at ${this.report}`,
      })
      invariants.push({
        name: 'no_5xx',
        passed: false,
        detail: `no report of run ${this.runId} at ${this.report}`,
      })
    } else {
      const orders = await db
        .from('orders')
        .where('email', 'like', `loadtest+${this.runId}-%@example.test`)
        .select('number', 'email')
      invariants.push(this.ordersMatch(report.checkouts, orders))
      const serverErrors = Number(report.errors['5xx'] ?? 0)
      invariants.push({
        name: 'no_5xx',
        passed: serverErrors === 0,
        detail: `${serverErrors} response(s) with a 5xx status`,
      })
    }

    const passed = invariants.every((invariant) => invariant.passed)
    this.exitCode = passed ? 0 : 1
    if (this.json) {
      this.logger.log(JSON.stringify({ runId: this.runId, passed, invariants }, null, 2))
      return
    }
    for (const invariant of invariants) {
      this.logger.log(
        `${invariant.passed ? 'PASS' : 'FAIL'} ${invariant.name}: ${invariant.detail}`
      )
    }
  }

  private async readReport(): Promise<LoadTestReport | null> {
    try {
      const report = JSON.parse(await readFile(this.app.makePath(this.report), 'utf8'))
      return report.runId === this.runId ? report : null
    } catch {
      return null
    }
  }

  /** Each successful checkout's e-mail has exactly its one order; no other order carries the run id. */
  private ordersMatch(
    checkouts: LoadTestReport['checkouts'],
    orders: { number: string; email: string }[]
  ): Invariant {
    const problems: string[] = []
    const expected = new Map(
      checkouts.map((checkout) => [checkout.email.toLowerCase(), checkout.orderNumber])
    )
    for (const [email, orderNumber] of expected) {
      const found = orders.filter((order) => order.email.toLowerCase() === email)
      if (found.length !== 1 || found[0].number !== orderNumber) {
        problems.push(
          `${email}: ${found.length} order(s) ${found.map((order) => order.number).join(', ')}, expected ${orderNumber}`
        )
      }
    }
    for (const order of orders) {
      if (!expected.has(order.email.toLowerCase()))
        problems.push(`order ${order.number} (${order.email}) has no successful checkout`)
    }
    return {
      name: 'one_order_per_checkout',
      passed: problems.length === 0,
      detail: problems.length
        ? problems.slice(0, 5).join('; ')
        : `${orders.length} order(s) for ${checkouts.length} successful checkout(s)`,
    }
  }
}
