import MarkdownIt from 'markdown-it'

/**
 * Merchant-written Markdown (product and category descriptions) rendered to
 * HTML with raw HTML disabled: what comes out is safe to print unescaped, and
 * links to javascript: or data: URLs are refused by markdown-it.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false })

export function renderMarkdown(source: string | null | undefined): string {
  return source ? markdown.render(source) : ''
}

/**
 * The same Markdown as tokens, for renderers other than HTML (legal PDFs).
 */
export function markdownTokens(source: string) {
  return markdown.parse(source, {})
}
