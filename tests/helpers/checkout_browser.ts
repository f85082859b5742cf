import type { Page } from 'playwright'

/** A delivery address as the checkout's form asks for it. */
export interface DeliveryAddressInput {
  firstName: string
  lastName: string
  line: string
  postalCode: string
  city: string
}

const PARIS: DeliveryAddressInput = {
  firstName: 'Claire',
  lastName: 'Martin',
  line: '12 rue des Lilas',
  postalCode: '75011',
  city: 'Paris',
}

/**
 * Fills the checkout's delivery address (French labels), without
 * submitting: journeys may check the page first.
 */
export async function fillDeliveryAddress(page: Page, address: DeliveryAddressInput = PARIS) {
  const delivery = page.getByRole('group', { name: 'Adresse de livraison' })
  await delivery.getByLabel('Prénom').fill(address.firstName)
  await delivery.getByLabel('Nom', { exact: true }).fill(address.lastName)
  await delivery.getByLabel('Adresse', { exact: true }).fill(address.line)
  await delivery.getByLabel('Code postal').fill(address.postalCode)
  await delivery.getByLabel('Ville').fill(address.city)
}
