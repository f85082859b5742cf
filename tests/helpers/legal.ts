import app from '@adonisjs/core/services/app'
import { extractText } from 'unpdf'
import SettingsService from '#services/settings_service'
import { DEMO_SELLER_FORM } from '#database/demo/legal'
import { sellerIdentityValidator, toSellerIdentity } from '#validators/seller_identity'

/**
 * A PDF's text, pages joined, every run of white space (French amounts hold
 * narrow no-break spaces) made one plain space.
 */
export async function pdfText(bytes: Buffer | Uint8Array): Promise<string> {
  const { text } = await extractText(new Uint8Array(bytes), { mergePages: true })
  return text.replace(/\s+/g, ' ')
}

/**
 * Settings › Legal identity filled in with the demo seller, as the form would.
 */
export async function fillSellerIdentity() {
  const settings = await app.container.make(SettingsService)
  const form = await sellerIdentityValidator.validate(DEMO_SELLER_FORM)
  await settings.update({ 'seller.identity': toSellerIdentity(form) }, null, null)
}
