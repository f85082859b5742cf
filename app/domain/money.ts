/**
 * Minor-unit digits of the ISO 4217 currencies that do not use two. Intl's
 * display digits differ from ISO for some (HUF, IDR show none but count two).
 */
const CURRENCIES_BY_EXPONENT: Record<number, string> = {
  0: 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF',
  3: 'BHD IQD JOD KWD LYD OMR TND',
  4: 'CLF UYW',
}
const CURRENCY_EXPONENTS = new Map(
  Object.entries(CURRENCIES_BY_EXPONENT).flatMap(([exponent, codes]) =>
    codes.split(' ').map((code) => [code, Number(exponent)] as const)
  )
)

/**
 * Money as an integer amount of minor units (cents for EUR) and an ISO 4217
 * currency. No float ever holds an amount: arithmetic stays on integers, and
 * display goes through Intl from an exact decimal string.
 */
export class Money {
  private constructor(
    readonly amount: number,
    readonly currency: string
  ) {}

  static of(amount: number, currency: string): Money {
    if (!Number.isSafeInteger(amount)) {
      throw new RangeError(`Money amount must be an integer number of minor units, got ${amount}`)
    }
    if (!/^[A-Z]{3}$/.test(currency)) {
      throw new RangeError(`Money currency must be an ISO 4217 code, got "${currency}"`)
    }
    return new Money(amount, currency)
  }

  /**
   * Reads an amount typed by a person ("12,5", "1 234.50", "12") into minor
   * units, or null when it is not a plain decimal number with at most the
   * currency's digits.
   */
  static parse(input: string, currency: string): Money | null {
    const exponent = Money.exponent(currency)
    const cleaned = input.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.')
    const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(cleaned)
    if (!match || (match[3]?.length ?? 0) > exponent) return null
    const [, sign, whole, fraction = ''] = match
    const amount = Number(whole) * 10 ** exponent + Number(fraction.padEnd(exponent, '0') || 0)
    if (!Number.isSafeInteger(amount)) return null
    return Money.of(sign ? -amount : amount, currency)
  }

  static zero(currency: string): Money {
    return Money.of(0, currency)
  }

  /**
   * Digits after the decimal point for the currency: 2 for EUR, 0 for JPY, 3 for BHD.
   */
  static exponent(currency: string): number {
    return CURRENCY_EXPONENTS.get(currency) ?? 2
  }

  add(other: Money): Money {
    this.assertSameCurrency(other)
    return Money.of(this.amount + other.amount, this.currency)
  }

  subtract(other: Money): Money {
    this.assertSameCurrency(other)
    return Money.of(this.amount - other.amount, this.currency)
  }

  multiply(quantity: number): Money {
    if (!Number.isInteger(quantity)) {
      throw new RangeError(`Money can only be multiplied by a whole quantity, got ${quantity}`)
    }
    return Money.of(this.amount * quantity, this.currency)
  }

  /**
   * Splits the amount in proportion to the weights (line totals, say), in whole
   * minor units that add up exactly to the amount: the units lost to rounding go
   * to the largest remainders first, ties to the earliest share.
   */
  allocate(weights: readonly number[]): Money[] {
    return allocateProportionally(this.amount, weights).map((amount) =>
      Money.of(amount, this.currency)
    )
  }

  equals(other: Money): boolean {
    return this.currency === other.currency && this.amount === other.amount
  }

  /**
   * The amount as an exact decimal string in major units: 123450 EUR → "1234.50".
   */
  toDecimalString(): string {
    const exponent = Money.exponent(this.currency)
    const digits = Math.abs(this.amount)
      .toString()
      .padStart(exponent + 1, '0')
    const sign = this.amount < 0 ? '-' : ''
    if (exponent === 0) return `${sign}${digits}`
    return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`
  }

  /**
   * Formats for display in a locale: 123450 EUR is "1 234,50 €" in French (with
   * the no-break spaces Intl uses) and "€1,234.50" in English.
   */
  format(locale: string): string {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: this.currency }).format(
      this.toDecimalString() as Intl.StringNumericLiteral
    )
  }

  private assertSameCurrency(other: Money) {
    if (other.currency !== this.currency) {
      throw new TypeError(`Cannot combine ${this.currency} with ${other.currency}`)
    }
  }
}

/**
 * The integer core of `Money.allocate`, for callers holding plain minor units.
 * Weights must be whole numbers ≥ 0; when they are all zero the split is even.
 */
export function allocateProportionally(amount: number, weights: readonly number[]): number[] {
  if (!weights.length) return []
  if (weights.some((weight) => !Number.isSafeInteger(weight) || weight < 0)) {
    throw new RangeError(`Allocation weights must be whole numbers ≥ 0, got ${weights.join(', ')}`)
  }
  const total = weights.reduce((sum, weight) => sum + weight, 0)
  const shares = total === 0 ? weights.map(() => 1) : weights
  const sharesTotal = total === 0 ? weights.length : total
  const sign = amount < 0 ? -1 : 1
  const magnitude = Math.abs(amount)
  const exact = shares.map((share) => (magnitude * share) / sharesTotal)
  const floors = exact.map((value) => Math.floor(value))
  let remaining = magnitude - floors.reduce((sum, value) => sum + value, 0)
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - floors[index] }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index)
  for (const { index } of byRemainder) {
    if (remaining === 0) break
    floors[index] += 1
    remaining -= 1
  }
  return floors.map((value) => sign * value)
}
