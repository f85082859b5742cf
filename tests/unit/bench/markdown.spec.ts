import { test } from '@japa/runner'
import { replaceSection, table } from '#bench/markdown'

test.group('BENCHMARKS.md rendering', () => {
  test('renders a table with right-aligned numbers and escaped pipes', ({ assert }) => {
    const rendered = table(
      [
        ['page', 'left'],
        ['req/s', 'right'],
      ],
      [
        ['a | b', 120],
        ['c', 7],
      ]
    )
    assert.equal(rendered, '| page | req/s |\n| --- | ---: |\n| a \\| b | 120 |\n| c | 7 |')
  })

  test('rewrites only its own section and keeps the text around it', ({ assert }) => {
    const document =
      '# B\n\nintro\n\n<!-- bench:speed -->\nold\n<!-- /bench:speed -->\n\n### Reading\nkept\n'
    assert.equal(
      replaceSection(document, 'speed', '## new\n'),
      '# B\n\nintro\n\n<!-- bench:speed -->\n## new\n<!-- /bench:speed -->\n\n### Reading\nkept\n'
    )
  })

  test('appends a section the document does not have yet', ({ assert }) => {
    assert.equal(
      replaceSection('# B\n', 'sobriety', 'rows'),
      '# B\n\n<!-- bench:sobriety -->\nrows\n<!-- /bench:sobriety -->\n'
    )
  })
})
