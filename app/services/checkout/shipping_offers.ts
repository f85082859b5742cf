import { inject } from '@adonisjs/core'
import type { Address, CartSnapshot, Locale } from '@comptoir/contracts/commerce'
import type { PickupPoint } from '@comptoir/contracts/shipping_method'
import { parisDate } from '#domain/paris_time'
import PluginKernel from '#plugin_kernel/plugin_kernel'
import { addWorkingDays } from '@comptoir/contracts/french_calendar'
import type { CartItem } from '#services/cart/cart_contents'

export type ShippingService = 'standard' | 'express' | 'pickup'

/**
 * A delivery option offered at checkout, with its estimated delivery dates
 * (Paris calendar days).
 */
export interface ShippingOffer {
  readonly code: string
  readonly label: string
  /** Tax included, minor units. */
  readonly price: number
  readonly service: ShippingService
  readonly delayDays: readonly [number, number]
  readonly estimatedFrom: string
  readonly estimatedTo: string
  readonly pickupPoints: readonly PickupPoint[]
}

/**
 * Asks every enabled shipping plugin for its quote and keeps the options the
 * stock can serve: a home delivery (or a relay point) needs the lines at the
 * locations that ship online orders; a shop of the merchant must hold them
 * itself, which the click & collect quote already checks. A plugin that fails
 * is left out (and reported to the merchant by the registry).
 */
@inject()
export default class ShippingOffers {
  constructor(protected kernel: PluginKernel) {}

  async for(
    cart: CartSnapshot,
    items: readonly CartItem[],
    destination: Address,
    locale: Locale,
    now = new Date()
  ): Promise<ShippingOffer[]> {
    const shipsOnline = items.every((item) => item.availableOnline >= item.quantity)
    const answers = await this.kernel.registry.collect('shipping', 'quote', (method) =>
      method.quote(cart, destination)
    )
    const today = parisDate(now)
    const offers: ShippingOffer[] = []
    for (const { provider, result: quote } of answers) {
      if (!quote) continue
      const pickupPoints = (quote.pickupPoints ?? []).filter(
        (point) => point.stockPlaceId !== undefined || shipsOnline
      )
      const isPickup = quote.pickupPoints !== undefined
      if (isPickup ? !pickupPoints.length : !shipsOnline) continue
      const [min, max] = quote.delayDays
      offers.push({
        code: provider.code,
        label: provider.label(locale),
        price: quote.price.amount,
        service: isPickup ? 'pickup' : (quote.service ?? 'standard'),
        delayDays: [min, max],
        estimatedFrom: addWorkingDays(today, min),
        estimatedTo: addWorkingDays(today, max),
        pickupPoints,
      })
    }
    return offers.sort((a, b) => a.price - b.price || a.delayDays[1] - b.delayDays[1])
  }
}

/**
 * The cheapest standard option offered (neither express nor pickup): the most
 * a withdrawal refunds of the delivery paid (LEGAL.md W-11).
 */
export function cheapestStandardPrice(offers: readonly ShippingOffer[]): number | null {
  const standard = offers.filter((offer) => offer.service === 'standard')
  return standard.length ? Math.min(...standard.map((offer) => offer.price)) : null
}
