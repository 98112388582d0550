import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

export const CLI = join(import.meta.dirname, '..', '..', 'out', 'main', 'cli.js')

export interface SpawnedServe {
  child: ChildProcess
  url: string
  openUrl: string
  token: string
  output: () => string
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

/** Runs the built `hooklab serve` and waits for the lines it prints when ready. */
export async function spawnServe(args: string[], timeoutMs = 15_000): Promise<SpawnedServe> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`)
  const child = spawn(process.execPath, [CLI, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()))
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const ready = await new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start in ${timeoutMs} ms:\n${out}`)), timeoutMs)
    const check = () => {
      const match = out.match(/Hooklab listening on (http:\/\/127\.0\.0\.1:\d+)\s+Open (\S+)/)
      if (match) {
        clearTimeout(timer)
        resolve(match)
      }
    }
    child.stdout!.on('data', check)
    child.once('exit', () => {
      clearTimeout(timer)
      reject(new Error(`serve exited before it was ready:\n${out}`))
    })
  })
  return {
    child,
    url: ready[1],
    openUrl: ready[2],
    token: new URL(ready[2]).searchParams.get('token') ?? '',
    output: () => out,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal)
      return exited
    },
  }
}

/** One Admin API call to a spawned serve with its admin token. */
export async function adminCall(s: SpawnedServe, method: string, path: string, body?: unknown) {
  const res = await fetch(`${s.url}${path}`, {
    method,
    headers: { 'X-Hooklab-Access-Token': s.token, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, json: (await res.json()) as Record<string, any> } // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Polls `check` until it holds, failing with `what` after `timeoutMs`. */
export async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number, everyMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, everyMs))
  }
}
