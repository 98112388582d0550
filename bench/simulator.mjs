// Payload generation throughput of the simulator (issue 7): payloads generated and rendered
// per second, per profile × format, on one core (Node runs this loop on one thread; no
// workers). Loads the TypeScript sources through Vite's module runner, as the tests do.
// Rates are per second of this process's CPU time (process.cpuUsage), so a busy machine
// (other processes competing for the core) does not lower them; wall-clock rates are shown
// beside for the sapo/orders/create line.
// Usage: npm run bench:simulator [-- --ms 1000]
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { runnerImport } from 'vite'

const msArg = process.argv.indexOf('--ms')
const BUDGET_MS = msArg > 0 ? Number(process.argv[msArg + 1]) : 1000
const entry = fileURLToPath(new URL('../electron/core/simulator/index.ts', import.meta.url))
const { module: sim } = await runnerImport(entry)

const CASES = [
  ['sapo', 'orders/create'],
  ['sapo', 'orders/paid'],
  ['sapo', 'customers/create'],
  ['sapo', 'products/create'],
  ['shopify', 'orders/create'],
  ['woocommerce', 'order.created'],
  ['github', 'push'],
  ['github', 'pull_request'],
  ['stripe', 'payment_intent.succeeded'],
  ['standard', 'invoice.paid'],
]
const FORMATS = ['json', 'xml', 'form']

/** Payloads per second for `BUDGET_MS`, a fresh seed each time (as a burst draws them). */
function measure(profile, topic, format) {
  let seed = 1
  let bytes = 0
  const run = (n) => {
    for (let i = 0; i < n; i++) {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0
      bytes += sim.renderBody(sim.generatePayload({ profile, topic, seed }), format).body.length
    }
  }
  run(2000) // warm-up: let the JIT settle
  let count = 0
  const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6 }
  const wallStart = process.hrtime.bigint()
  const cpuStart = cpu()
  while (cpu() - cpuStart < BUDGET_MS / 1000) {
    run(250)
    count += 250
  }
  const cpuSeconds = cpu() - cpuStart
  const wallSeconds = Number(process.hrtime.bigint() - wallStart) / 1e9
  return { perSecond: Math.round(count / cpuSeconds), wallPerSecond: Math.round(count / wallSeconds), avgBytes: Math.round(bytes / (count + 2000)) }
}

const rows = []
const result = {}
for (const [profile, topic] of CASES) {
  const row = { case: `${profile}/${topic}` }
  for (const format of FORMATS) {
    const { perSecond, wallPerSecond, avgBytes } = measure(profile, topic, format)
    row[format] = perSecond
    if (format === 'json') {
      row.wall = wallPerSecond
      row.json_bytes = avgBytes
      result[`${profile}/${topic}`] = perSecond
    }
  }
  rows.push(row)
}

const pad = (s, n) => String(s).padEnd(n)
const lpad = (s, n) => String(s).padStart(n)
console.log(`Simulator payloads per CPU-second (one core, ${BUDGET_MS} ms of CPU per cell, node ${process.version}, load ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} CPUs)`)
console.log(`${pad('profile/topic', 38)}${lpad('json/s', 10)}${lpad('xml/s', 10)}${lpad('form/s', 10)}${lpad('json bytes', 12)}`)
for (const r of rows) console.log(`${pad(r.case, 38)}${lpad(r.json, 10)}${lpad(r.xml, 10)}${lpad(r.form, 10)}${lpad(r.json_bytes, 12)}`)
const target = result['sapo/orders/create']
const wall = rows[0].wall
console.log(`sapo/orders/create JSON: ${target}/s of CPU, ${wall}/s of wall clock (target ≥ 20000/s): ${target >= 20000 ? 'met' : 'NOT met'}`)
console.log(`RESULT ${JSON.stringify(result)}`)
