import { readFile, stat } from 'node:fs/promises'
import { test } from '@japa/runner'
import { SystempayPayment } from '#src/systempay_payment_provider'
import { SETTINGS } from '#tests/helpers/snapshots'

test.group('Systempay / logos', () => {
  test('each brand is a small 48×32 SVG card that runs nothing', async ({ assert }) => {
    for (const logo of new SystempayPayment(SETTINGS).logos('fr')) {
      const url = new URL(`../../${logo.file}`, import.meta.url)
      const svg = await readFile(url, 'utf8')
      const { size } = await stat(url)
      assert.isBelow(size, 32 * 1024, logo.file)
      assert.match(
        svg,
        /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 48 32"/,
        logo.file
      )
      assert.notMatch(svg, /<script|<foreignObject|\son\w+=|href=/i, logo.file)
      assert.match(logo.file, /^resources\/logos\/[a-z0-9]+\.svg$/)
    }
  })
})
