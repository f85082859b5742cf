import { test } from '@japa/runner'
import { DEMO_ADMIN } from '#database/seeders/demo_seeder'
import { assertAccessible } from '#tests/helpers/accessibility'
import { checkoutShop, placeOrder, productOnSale } from '#tests/helpers/checkout'
import { resetToDemoShop } from '#tests/helpers/database'

test.group('Merchant journey: an order in the back office', (group) => {
  group.each.setup(() => resetToDemoShop())

  test('the merchant opens an order, marks the transfer received and ships it with a tracking number', async ({
    visit,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'MAR-39', { priceAmount: 4990 })
    const order = await placeOrder([{ variantId, quantity: 2 }])

    const page = await visit('/admin/login')
    await page.getByLabel('Adresse e-mail').fill(DEMO_ADMIN.email)
    await page.getByLabel('Mot de passe').fill(DEMO_ADMIN.password)
    await page.getByRole('button', { name: 'Se connecter' }).click()

    await page
      .getByRole('navigation', { name: 'Administration' })
      .getByRole('link', { name: 'Commandes' })
      .click()
    await page.assertPath('/admin/orders')
    await page.assertTextContains('[role="status"]', '1 commande')
    await assertAccessible(page)

    await page.getByRole('link', { name: order.number }).click()
    await page.assertPath(`/admin/orders/${order.id}`)
    await page.assertTextContains('h1', `Commande ${order.number}`)
    await assertAccessible(page)

    await page.getByRole('button', { name: 'Marquer comme payée' }).click()
    await page.assertPath(`/admin/orders/${order.id}`)
    await page.assertTextContains(
      '[role="status"]',
      `Commande ${order.number} marquée comme payée.`
    )
    await page.assertTextContains('.facts', 'Paiement reçu')

    // Everything left is offered: 2 units of the one line.
    await page.assertInputValue('#lines-0-quantity', '2')
    await page.getByLabel('Transporteur', { exact: true }).fill('Colissimo')
    await page.getByLabel('N° de suivi', { exact: true }).fill('6A12345678901')
    await page
      .getByLabel('Lien de suivi')
      .fill('https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901')
    await page.getByRole('button', { name: "Enregistrer l'expédition" }).click()

    await page.assertPath(`/admin/orders/${order.id}`)
    await page.assertTextContains(
      '[role="status"]',
      `Expédition de la commande ${order.number} enregistrée.`
    )
    await page.assertTextContains('.facts', 'Expédiée')
    await page.assertExists(page.getByRole('link', { name: '6A12345678901' }))
    await page.assertNotExists('#lines-0-quantity')
    await assertAccessible(page)
  })
})
