// Delivery engine throughput, latency and memory (issue 8), measured in one run:
//  1. raw undici posts of the same bodies at the same concurrency, nothing stored (the baseline);
//  2. the engine firing a burst of the same size, every attempt stored, as deliveries/s,
//     and the ratio of the two (target ≥ 0.7);
//  3. p50/p99 from fire to receipt with 1,000 events/s offered;
//  4. peak RSS of this process during a 100,000-event burst (target < 300 MiB).
// The receiver runs in a child process on 127.0.0.1. Usage: npm run bench:delivery [-- --n 20000]
import { fork, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { Agent, request } from 'undici'
import { runnerImport } from 'vite'

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const N = arg('n', 20_000)
const CONCURRENCY = arg('concurrency', 50)
const LATENCY_SECONDS = arg('latency-seconds', 5)
const RSS_EVENTS = arg('rss-events', 100_000)
const now = () => performance.timeOrigin + performance.now()
const ADMIN = { origin: 'bench', role: 'admin', transport: { kind: 'web', admin_api_url: null } }

const { module: app } = await runnerImport(fileURLToPath(new URL('../electron/core/app.ts', import.meta.url)))
const { module: settingsStore } = await runnerImport(fileURLToPath(new URL('../electron/core/settings/json-settings.ts', import.meta.url)))

const receiverProcess = fork(fileURLToPath(new URL('./receiver.mjs', import.meta.url)), { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] })
const port = await new Promise((resolve) => receiverProcess.stdout.on('data', (d) => resolve(Number(/port (\d+)/.exec(String(d))[1]))))
const receiverUrl = `http://127.0.0.1:${port}`
const stats = async () => (await (await fetch(`${receiverUrl}/stats`)).json())
const reset = () => fetch(`${receiverUrl}/reset`, { method: 'POST' })

const dirs = []
function freshCore() {
  const dataDir = mkdtempSync(join(tmpdir(), 'hooklab-bench-'))
  dirs.push(dataDir)
  const core = app.createCore({ dataDir, settings: settingsStore.memorySettingsStore(), version: 'bench' })
  core.start()
  return core
}
async function waitUntil(check, timeoutMs = 600_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('bench: timed out')
    await new Promise((r) => setTimeout(r, 20))
  }
}
const succeeded = (core) => core.invoke('deliveries.count', { status: 'succeeded' }, ADMIN).then((r) => r.count)

// The body both sides send: a simulated Sapo orders/create as the engine renders it. The
// engine's burst is fired with this payload, so the comparison is the engine and its store
// against bare HTTP; generating payloads has its own bench (bench:simulator).
const { module: sim } = await runnerImport(fileURLToPath(new URL('../electron/core/simulator/index.ts', import.meta.url)))
const payload = sim.generatePayload({ profile: 'sapo', topic: 'orders/create', seed: 1 }).data
const body = sim.renderBody({ data: payload, root: 'order' }, 'json').body

// 1. Raw undici: N posts, CONCURRENCY at a time, keep-alive, nothing stored.
async function raw() {
  await reset()
  const agent = new Agent({ connections: CONCURRENCY, keepAliveTimeout: 30_000 })
  let next = 0
  const started = now()
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < N) {
        const i = next++
        const res = await request(`${receiverUrl}/raw`, { method: 'POST', dispatcher: agent, body, headers: { 'content-type': 'application/json', 'x-hooklab-delivery-id': `raw-${i}` } })
        await res.body.dump()
      }
    }),
  )
  const seconds = (now() - started) / 1000
  await agent.close()
  return N / seconds
}

// 2. The engine: a burst of N, every attempt stored; timed from the fire to the last success recorded.
async function engine() {
  await reset()
  const core = freshCore()
  await core.invoke('webhooks.create', { address: `${receiverUrl}/engine`, topic: 'orders/create', max_concurrency: CONCURRENCY }, ADMIN)
  const started = now()
  await core.invoke('bursts.start', { topic: 'orders/create', count: N, payload }, ADMIN)
  await waitUntil(async () => (await succeeded(core)) >= N)
  const seconds = (now() - started) / 1000
  await core.close()
  return N / seconds
}

// 3. Latency at 1,000 events/s offered: fire one event a millisecond, compare with receipt.
async function latency() {
  await reset()
  const core = freshCore()
  await core.invoke('webhooks.create', { address: `${receiverUrl}/latency`, topic: 'orders/create', max_concurrency: CONCURRENCY }, ADMIN)
  const firedAt = new Map()
  const total = 1000 * LATENCY_SECONDS
  const started = now()
  for (let i = 0; i < total; i++) {
    const due = started + i
    while (now() < due) await new Promise((r) => setImmediate(r))
    const fired = await core.invoke('events.fire', { topic: 'orders/create', seed: i + 1 }, ADMIN)
    firedAt.set(String(fired.deliveries[0].id), now())
  }
  await waitUntil(async () => (await stats()).arrivals.length >= total)
  const { arrivals } = await stats()
  const latencies = arrivals.filter(([id]) => firedAt.has(id)).map(([id, at]) => at - firedAt.get(id)).sort((a, b) => a - b)
  await core.close()
  const pick = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]
  return { p50: pick(0.5), p99: pick(0.99), offeredPerSecond: total / ((now() - started) / 1000) }
}

// 4. Peak RSS of a real `hooklab serve` (the built CLI) while a 100,000-event burst is fired
// and delivered: the app's own footprint, without this bench's TypeScript loader.
async function memory() {
  await reset()
  const cli = fileURLToPath(new URL('../out/main/cli.js', import.meta.url))
  if (!existsSync(cli)) throw new Error('bench: run `npm run build` first (the memory figure measures the built serve)')
  const dataDir = mkdtempSync(join(tmpdir(), 'hooklab-bench-'))
  dirs.push(dataDir)
  // SERVE_NODE_FLAGS passes V8 flags to serve for memory experiments (e.g. --max-semi-space-size=4).
  const child = spawn(process.execPath, [...(process.env.SERVE_NODE_FLAGS ? process.env.SERVE_NODE_FLAGS.split(' ') : []), cli, 'serve', '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] })
  try {
    const open = await new Promise((resolve, reject) => {
      let out = ''
      child.stdout.on('data', (d) => {
        out += d
        const match = /Open (\S+)/.exec(out)
        if (match) resolve(new URL(match[1]))
      })
      child.once('exit', () => reject(new Error(`serve exited: ${out}`)))
    })
    const base = open.origin
    const headers = { 'X-Hooklab-Access-Token': open.searchParams.get('token'), 'Content-Type': 'application/json' }
    const post = (path, body) => fetch(base + path, { method: 'POST', headers, body: JSON.stringify(body) })
    await post('/admin/webhooks.json', { webhook: { address: `${receiverUrl}/rss`, topic: 'orders/create', max_concurrency: CONCURRENCY } })
    const rssOf = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1]) * 1024
    const idle = rssOf()
    let peak = idle
    const sampler = setInterval(() => (peak = Math.max(peak, rssOf())), 50)
    const started = now()
    await post('/admin/events.json', { event: { topic: 'orders/create', count: RSS_EVENTS } })
    await waitUntil(async () => (await (await fetch(`${base}/admin/deliveries/count.json?status=succeeded`, { headers })).json()).count >= RSS_EVENTS)
    clearInterval(sampler)
    return { peakMiB: peak / 1024 / 1024, idleMiB: idle / 1024 / 1024, perSecond: RSS_EVENTS / ((now() - started) / 1000) }
  } finally {
    child.kill('SIGTERM')
  }
}

if (process.env.BENCH_ONLY) {
  const only = { engine, raw, latency, memory }[process.env.BENCH_ONLY]
  console.log(`${process.env.BENCH_ONLY} only:`, JSON.stringify(await only()))
  receiverProcess.kill()
  process.exit(0)
}
try {
  const rawPerS = await raw()
  const enginePerS = await engine()
  const lat = await latency()
  const mem = await memory()
  const rows = [
    ['raw undici posts (nothing stored)', `${Math.round(rawPerS)} /s`],
    ['engine, burst, every attempt stored', `${Math.round(enginePerS)} /s`],
    ['ratio engine / raw (target ≥ 0.7)', (enginePerS / rawPerS).toFixed(2)],
    [`fire → receipt p50 at ${Math.round(lat.offeredPerSecond)} events/s offered`, `${lat.p50.toFixed(1)} ms`],
    ['fire → receipt p99', `${lat.p99.toFixed(1)} ms`],
    [`peak RSS of serve, ${RSS_EVENTS} event burst (target < 300 MiB)`, `${mem.peakMiB.toFixed(0)} MiB (idle ${mem.idleMiB.toFixed(0)} MiB; ${Math.round(mem.perSecond)} /s)`],
  ]
  console.log(`\nDelivery bench: N=${N}, concurrency ${CONCURRENCY}, receiver in a child process on 127.0.0.1\n`)
  for (const [what, value] of rows) console.log(`${what.padEnd(58)} ${value}`)
  const result = {
    raw_per_s: Math.round(rawPerS),
    engine_per_s: Math.round(enginePerS),
    ratio: Number((enginePerS / rawPerS).toFixed(2)),
    p50_ms: Number(lat.p50.toFixed(1)),
    p99_ms: Number(lat.p99.toFixed(1)),
    peak_rss_mib: Math.round(mem.peakMiB),
  }
  console.log(`RESULT ${JSON.stringify(result)}`)
} finally {
  receiverProcess.kill()
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
}
