import type { RateInput } from '#src/rate_validator'

/**
 * A believable French table for the demo shop, Colissimo-like: metropolitan
 * France by weight, Corsica (postcodes starting with 20) dearer and slower,
 * free above 60 € in France outside Corsica, Belgium and Luxembourg. The
 * plugin's install leaves its table empty; its seedDemo hook inserts these
 * when the demo shop is seeded and the table is still empty.
 */

/** Bounds of the weight bands in grams: each band runs from one to the next, excluded. */
const FRANCE_BANDS = [0, 250, 500, 1000, 2000, 5000, 10_000, 30_000]
const EUROPE_BANDS = [0, 500, 1000, 2000, 5000, 10_000, 30_000]

function byWeight(
  destination: { countryCode: string; postcodePrefix?: string; name: string },
  bounds: number[],
  prices: number[],
  [delayMinDays, delayMaxDays]: [number, number]
): RateInput[] {
  return prices.map((price, index) => {
    const [min, max] = [bounds[index], bounds[index + 1]]
    return rate({
      countryCode: destination.countryCode,
      postcodePrefix: destination.postcodePrefix ?? null,
      minWeightGrams: min,
      maxWeightGrams: max,
      price,
      delayMinDays,
      delayMaxDays,
      label: `${destination.name} ${grams(min)}–${grams(max)}`,
    })
  })
}

function grams(value: number) {
  return value < 1000 ? `${value} g` : `${value / 1000} kg`
}

function rate(values: Partial<RateInput> & Pick<RateInput, 'countryCode' | 'price'>): RateInput {
  return {
    postcodePrefix: null,
    minWeightGrams: 0,
    maxWeightGrams: null,
    minItems: 0,
    maxItems: null,
    minSubtotal: 0,
    maxSubtotal: null,
    currency: 'EUR',
    delayMinDays: 2,
    delayMaxDays: 3,
    label: null,
    ...values,
  }
}

export const DEMO_RATES: RateInput[] = [
  ...byWeight(
    { countryCode: 'FR', name: 'France' },
    FRANCE_BANDS,
    [490, 690, 850, 990, 1490, 2190, 3290],
    [2, 3]
  ),
  // Free from 60 €, up to the carrier's 30 kg: as specific as the rows above
  // and cheaper, so it wins whenever it matches. Corsica's rows, more
  // specific, still apply there.
  rate({
    countryCode: 'FR',
    minSubtotal: 6000,
    maxWeightGrams: 30_000,
    price: 0,
    label: 'France, offerte dès 60 €',
  }),
  ...byWeight(
    { countryCode: 'FR', postcodePrefix: '20', name: 'Corse' },
    FRANCE_BANDS,
    [690, 890, 1090, 1290, 1890, 2790, 4290],
    [3, 5]
  ),
  ...byWeight(
    { countryCode: 'BE', name: 'Belgique' },
    EUROPE_BANDS,
    [990, 1290, 1490, 1990, 2790, 4490],
    [3, 5]
  ),
  ...byWeight(
    { countryCode: 'LU', name: 'Luxembourg' },
    EUROPE_BANDS,
    [990, 1290, 1490, 1990, 2790, 4490],
    [3, 5]
  ),
]
