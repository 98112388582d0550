import { spawn, type ChildProcess } from 'node:child_process'
import { CLI, ROOT, assertBuilt } from './paths'

export interface ServeHandle {
  /** http://127.0.0.1:P */
  url: string
  /** The address `serve` prints: opening it sets the session cookie. */
  openUrl: string
  token: string
  /** Everything the process printed, for failure messages. */
  output(): string
  stop(): Promise<void>
}

const START_TIMEOUT_MS = 20_000

/** Starts `hooklab serve --port 0` on `dataDir` and waits for the two address lines. */
export async function startServe(dataDir: string): Promise<ServeHandle> {
  assertBuilt()
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--data-dir', dataDir], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (out += chunk))

  const { url, openUrl, token } = await new Promise<{ url: string; openUrl: string; token: string }>((resolve, reject) => {
    const timer = setTimeout(() => fail(`did not print its address within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS)
    function fail(why: string): void {
      clearTimeout(timer)
      child.kill('SIGKILL')
      reject(new Error(`hooklab serve ${why}. Output:\n${out}`))
    }
    function check(): void {
      const listening = /Hooklab listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
      const open = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=(\S+))/.exec(out)
      if (!listening || !open) return
      clearTimeout(timer)
      resolve({ url: listening[1], openUrl: open[1], token: decodeURIComponent(open[2]) })
    }
    child.stdout.on('data', check)
    child.once('exit', (code, signal) => fail(`exited early (code ${code}, signal ${signal})`))
    child.once('error', (err) => fail(`could not start: ${err.message}`))
  })
  child.removeAllListeners('exit')

  return { url, openUrl, token, output: () => out, stop: () => stopChild(child) }
}

/** SIGTERM, then SIGKILL if it has not gone within 5 s. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    child.kill('SIGTERM')
  })
}
