/**
 * Text made inert for a spreadsheet: a cell starting with "=", "+", "-" or
 * "@" (or a tab or carriage return hiding one) would run as a formula when
 * the file is opened, so it is kept as text behind a quote.
 */
export function inertCell(value: string) {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}
