/**
 * BENCHMARKS.md rendering. Pure: rows in, Markdown out.
 */
export type Align = 'left' | 'right'

export function table(columns: [string, Align][], rows: (string | number)[][]) {
  const cell = (value: string | number) =>
    String(value).replaceAll('|', '\\|').replaceAll('\n', ' ')
  const head = `| ${columns.map(([name]) => cell(name)).join(' | ')} |`
  const rule = `| ${columns.map(([, align]) => (align === 'right' ? '---:' : '---')).join(' | ')} |`
  return [head, rule, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n')
}

/**
 * Replaces what lies between `<!-- bench:name -->` and `<!-- /bench:name -->`,
 * leaving the hand-written text around it alone. A missing section is
 * appended at the end.
 */
export function replaceSection(document: string, name: string, body: string) {
  const open = `<!-- bench:${name} -->`
  const close = `<!-- /bench:${name} -->`
  const block = `${open}\n${body.trim()}\n${close}`
  const start = document.indexOf(open)
  const end = document.indexOf(close, start)
  if (start < 0 || end < 0) return `${document.trimEnd()}\n\n${block}\n`
  return document.slice(0, start) + block + document.slice(end + close.length)
}
