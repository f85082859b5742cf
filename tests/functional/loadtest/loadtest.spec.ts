import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import { checkoutShop } from '#tests/helpers/checkout'
import { runAce } from '#tests/helpers/plugins'

/** Runs a command in a child process (the test server keeps answering meanwhile). */
function run(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: app.makePath(), env: process.env })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('close', (code) => resolve({ code, output }))
  })
}

/** A small shop that takes orders: clogs in two colours and materials, plenty in stock. */
async function loadTestShop(cleanup: (handler: () => Promise<void>) => void) {
  const { catalog } = await checkoutShop(cleanup)
  for (const [index, colour] of ['black', 'red', 'black'].entries()) {
    await catalog.createProduct(
      { fr: `Sabot charge ${index}`, en: `Load clog ${index}` },
      [
        {
          sku: `LOAD-${index}`,
          priceAmount: 4990,
          stock: [{ stockLocationId: catalog.warehouse.id, quantity: 50, safetyThreshold: 0 }],
          options: [catalog.option('colour', colour)],
        },
      ],
      {
        featured: true,
        attributeValues: [
          {
            attributeId: catalog.material.id,
            optionIds: [catalog.option('material', 'leather').optionId],
          },
        ],
      }
    )
  }
  return catalog
}

test.group('Load test', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('shoppers browse, check out, and the invariants hold', async ({ assert, cleanup }) => {
    await loadTestShop(cleanup)
    const report = 'tmp/loadtest/functional-test.json'
    const result = await run([
      'bin/loadtest.js',
      ...['--url', `http://${env.get('HOST')}:${env.get('PORT')}`],
      ...['--shoppers', '3', '--duration', '2s', '--ramp-up', '0', '--think', '0'],
      ...['--checkout-share', '100%', '--browsers', '0', '--search', 'sabot', '--interval', '1s'],
      ...['--report', report, '--run-id', 'functional'],
    ])
    assert.equal(result.code, 0, result.output)

    const json = JSON.parse(await readFile(app.makePath(report), 'utf8'))
    for (const step of [
      'home',
      'search',
      'category',
      'product',
      'add_to_cart',
      'cart',
      'place_order',
      'confirmation',
    ]) {
      assert.isAbove(json.requestsPerStep[step] ?? 0, 0, `no ${step} request`)
    }
    assert.isAtLeast(json.checkouts.filter((checkout: any) => checkout.confirmed).length, 1)
    assert.equal(json.errors['5xx'], 0)
    assert.isTrue(json.invariants.passed, JSON.stringify(json.invariants))
    assert.include(result.output, 'PASS stock_movements_add_up')
    assert.include(result.output, 'PASS one_order_per_checkout')
  }).timeout(120_000)

  test('loadtest:invariants fails on stock that its movements do not explain', async ({
    assert,
    cleanup,
  }) => {
    const catalog = await loadTestShop(cleanup)
    const clean = await runAce('loadtest:invariants', [
      '--run',
      'nothing',
      '--report',
      'tmp/none.json',
    ])
    assert.include(clean.output, 'PASS stock_movements_add_up')

    // Stock written behind StockService's back: no movement records it.
    const level = await db
      .from('stock_levels')
      .where('stock_location_id', catalog.warehouse.id)
      .firstOrFail()
    await db
      .from('stock_levels')
      .where({ variant_id: level.variant_id, stock_location_id: catalog.warehouse.id })
      .update({ quantity: 49 })
    const broken = await runAce('loadtest:invariants', [
      '--run',
      'nothing',
      '--report',
      'tmp/none.json',
    ])
    assert.equal(broken.exitCode, 1)
    assert.match(broken.output, /FAIL.*stock_movements_add_up: 1 stock level\(s\) differ/)
    assert.include(broken.output, 'PASS no_negative_stock')
  })
})
