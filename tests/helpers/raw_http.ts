import { request } from 'node:http'
import type { IncomingHttpHeaders } from 'node:http'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import env from '#start/env'

export interface RawResponse {
  status: number
  headers: IncomingHttpHeaders
  /** The bytes as sent, still encoded. */
  body: Buffer
}

/**
 * A request to the test server that sends only the headers given and keeps
 * the answer as it came: the API client asks for gzip and decodes it, which
 * hides what the server chose.
 */
export function rawRequest(
  path: string,
  headers: Record<string, string> = {},
  method = 'GET'
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    request({ host: env.get('HOST'), port: env.get('PORT'), path, method, headers }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () =>
        resolve({
          status: response.statusCode!,
          headers: response.headers,
          body: Buffer.concat(chunks),
        })
      )
    })
      .on('error', reject)
      .end()
  })
}

/** The body a client reads once it has undone the `Content-Encoding`. */
export function decoded({ headers, body }: RawResponse): Buffer {
  if (headers['content-encoding'] === 'br') return brotliDecompressSync(body)
  if (headers['content-encoding'] === 'gzip') return gunzipSync(body)
  if (headers['content-encoding'])
    throw new Error(`unexpected coding ${headers['content-encoding']}`)
  return body
}
