/**
 * What a browser downloads for a page: the assets its HTML references and
 * which of them a warm browser cache spares. Pure: HTML and headers in.
 */
export interface AssetRef {
  url: string
  kind: 'css' | 'js' | 'image' | 'font'
}

function attribute(tag: string, name: string) {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)
  const value = match ? (match[1] ?? match[2] ?? match[3]) : undefined
  return value?.replaceAll('&amp;', '&')
}

/**
 * Stylesheets, scripts, preloaded fonts and the images loaded at once (not
 * `loading="lazy"`: a browser fetches those only when scrolled near), each once.
 */
export function assetsOf(html: string): AssetRef[] {
  const found = new Map<string, AssetRef>()
  const add = (url: string | undefined, kind: AssetRef['kind']) => {
    if (url && !url.startsWith('data:') && !found.has(url)) found.set(url, { url, kind })
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attribute(tag, 'rel') ?? '').toLowerCase().split(/\s+/)
    const as = (attribute(tag, 'as') ?? '').toLowerCase()
    if (rel.includes('stylesheet')) add(attribute(tag, 'href'), 'css')
    else if (rel.includes('modulepreload') || (rel.includes('preload') && as === 'script'))
      add(attribute(tag, 'href'), 'js')
    else if (rel.includes('preload') && as === 'font') add(attribute(tag, 'href'), 'font')
    else if (rel.includes('preload') && as === 'image') add(attribute(tag, 'href'), 'image')
    else if (rel.includes('icon')) add(attribute(tag, 'href'), 'image')
  }
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) add(attribute(tag, 'src'), 'js')
  for (const [tag] of html.matchAll(/<img\b[^>]*>/gi)) {
    if ((attribute(tag, 'loading') ?? '').toLowerCase() === 'lazy') continue
    add(attribute(tag, 'src'), 'image')
  }
  return [...found.values()]
}

/**
 * How a warm browser cache treats a response on a repeat view: `cached` (fresh
 * by Cache-Control, not requested), `revalidate` (a conditional request, a 304
 * when unchanged) or `refetch` (downloaded again).
 */
export function repeatBehaviour(headers: Record<string, string | string[] | undefined>) {
  const control = String(headers['cache-control'] ?? '').toLowerCase()
  const maxAge = /(?:^|,)\s*max-age=(\d+)/.exec(control)
  const storable = !control.includes('no-store')
  if (
    storable &&
    !control.includes('no-cache') &&
    (control.includes('immutable') || (maxAge && Number(maxAge[1]) > 0))
  ) {
    return 'cached' as const
  }
  if (storable && (headers['etag'] || headers['last-modified'])) return 'revalidate' as const
  return 'refetch' as const
}
