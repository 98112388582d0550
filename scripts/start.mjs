// `npm start`: the desktop app where an Electron binary exists, else the same
// UI through `hooklab serve` — so `npm start` always gives a working Hooklab.
// Extra arguments pass through (`npm start -- --port 0`).
import { spawn, spawnSync } from 'node:child_process'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { electronBinaryIn } from './electron-binary.mjs'
import { prepareElectronSqlite } from './electron-sqlite.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)

/** Always build: it takes seconds, and a stale out/ is a worse surprise. */
function build() {
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
  })
  if (result.status !== 0) {
    console.error('start: the build failed.')
    process.exit(result.status || 1)
  }
}

/** Runs the program as our child: signals go to it, its exit code comes back. */
function runChild(command, childArgs, env = process.env) {
  const child = spawn(command, childArgs, { cwd: ROOT, stdio: 'inherit', env })
  const forward = (signal) => {
    // Ctrl-C in a terminal already reaches the whole process group, child
    // included; a second SIGINT could make it skip its graceful shutdown.
    if (signal === 'SIGINT' && process.stdin.isTTY) return
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
  }
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => forward(signal))
  child.on('error', (err) => {
    console.error(`start: could not run ${command}: ${err.message}`)
    process.exit(1)
  })
  child.on('exit', (code, signal) => {
    if (signal) {
      // Die of the same signal, so shells and test runners see what happened.
      process.removeAllListeners(signal)
      process.kill(process.pid, signal)
    } else {
      process.exit(code ?? 1)
    }
  })
}

const electron = electronBinaryIn(ROOT)
build()
if (electron) {
  if (!prepareElectronSqlite({ root: ROOT })) {
    console.error('start: better-sqlite3 for Electron is missing; the desktop app cannot open its store. Try again online, or `npm run serve`.')
    process.exit(1)
  }
  // ELECTRON_RUN_AS_NODE set by a parent (some editors do) would run main as plain Node.
  const env = { ...process.env }
  delete env.ELECTRON_RUN_AS_NODE
  runChild(electron, ['.', ...args], env)
} else {
  console.log('Electron binary not available here — starting `hooklab serve` instead.')
  runChild(process.execPath, [join(ROOT, 'out/main/cli.js'), 'serve', ...args])
}
