/*
| The reference for `npm run bench`: a bare node:http server answering the
| bytes of a file with a given content type, nothing else.
| Usage: node bin/bench/bare_server.js <file> <content-type> <port>
*/
import { createServer } from 'node:http'
import { readFileSync } from 'node:fs'

const [file, contentType, port] = process.argv.slice(2)
const body = readFileSync(file)
createServer((_request, response) => {
  response.writeHead(200, { 'content-type': contentType, 'content-length': body.length })
  response.end(body)
}).listen(Number(port), '127.0.0.1', () => process.send?.('ready'))
process.on('SIGTERM', () => process.exit(0))
