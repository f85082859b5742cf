import type { HttpContext } from '@adonisjs/core/http'

/** A PDF holding personal data, downloaded: browsers and proxies keep no copy. */
export function sendPrivatePdf(response: HttpContext['response'], filename: string, bytes: Buffer) {
  response.header('content-type', 'application/pdf')
  response.header('content-disposition', `attachment; filename="${filename}"`)
  response.header('cache-control', 'private, no-store')
  return response.send(bytes)
}

/** The same for a JSON export of someone's data. */
export function sendPrivateJson(
  response: HttpContext['response'],
  filename: string,
  data: unknown
) {
  response.header('content-type', 'application/json; charset=utf-8')
  response.header('content-disposition', `attachment; filename="${filename}"`)
  response.header('cache-control', 'private, no-store')
  return response.send(JSON.stringify(data, null, 2))
}
