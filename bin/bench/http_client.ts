import { request as httpRequest, Agent } from 'node:http'

/**
 * A raw HTTP client for the benchmark: no decompression (bytes are counted as
 * they travel) and a cookie jar, so a session can hold a cart.
 */
export interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
  /** status line, headers and body, as transferred */
  bytes: number
}

const agent = new Agent({ keepAlive: true, maxSockets: 8 })

export function get(
  url: string,
  headers: Record<string, string> = {},
  method = 'GET',
  payload?: string
) {
  return new Promise<RawResponse>((resolve, reject) => {
    const req = httpRequest(url, { method, headers, agent }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => {
        const body = Buffer.concat(chunks)
        let head = `HTTP/1.1 ${response.statusCode} ${response.statusMessage}\r\n`
        for (let i = 0; i < response.rawHeaders.length; i += 2) {
          head += `${response.rawHeaders[i]}: ${response.rawHeaders[i + 1]}\r\n`
        }
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body,
          bytes: head.length + 2 + body.length,
        })
      })
      response.on('error', reject)
    })
    req.on('error', reject)
    req.end(payload)
  })
}

export class CookieJar {
  #cookies = new Map<string, string>()

  store(response: RawResponse) {
    const cookies = response.headers['set-cookie'] ?? []
    for (const cookie of Array.isArray(cookies) ? cookies : [cookies]) {
      const [pair] = cookie.split(';')
      const index = pair.indexOf('=')
      this.#cookies.set(pair.slice(0, index).trim(), pair.slice(index + 1).trim())
    }
  }

  header() {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }
}

export function closeClient() {
  agent.destroy()
}
