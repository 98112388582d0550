// A receiver for the delivery bench, in its own process so it does not compete with the
// sender for the bench's event loop. Answers 200 to every POST, records when each delivery
// id arrived (epoch ms, sub-millisecond), and reports on GET /stats. 127.0.0.1 only.
import { createServer } from 'node:http'
import { performance } from 'node:perf_hooks'

const arrivals = new Map()
let count = 0
const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/stats') {
    res.writeHead(200, { 'content-type': 'application/json' })
    return res.end(JSON.stringify({ count, arrivals: [...arrivals] }))
  }
  if (req.method === 'POST' && req.url === '/reset') {
    arrivals.clear()
    count = 0
    return res.end()
  }
  req.on('data', () => {})
  req.on('end', () => {
    count++
    const id = req.headers['x-hooklab-delivery-id']
    if (id && !arrivals.has(id)) arrivals.set(id, performance.timeOrigin + performance.now())
    res.writeHead(200, { 'content-length': '2' })
    res.end('ok')
  })
})
server.keepAliveTimeout = 60_000
server.listen(0, '127.0.0.1', () => console.log(`port ${server.address().port}`))
// Never outlive the bench by much.
setTimeout(() => process.exit(0), 15 * 60 * 1000).unref()
process.on('disconnect', () => process.exit(0))
