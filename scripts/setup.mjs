// `npm run setup` (SPEC §8 Set-up): install once without Electron's download,
// so an offline machine still compiles better-sqlite3 and builds (`prepare`);
// then try the Electron download on its own, where failing is allowed.
import { spawnSync } from 'node:child_process'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { electronBinaryIn } from './electron-binary.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const DOWNLOAD_TIMEOUT_MS = 120_000

console.log('> npm ci (ELECTRON_SKIP_BINARY_DOWNLOAD=1)')
const ci = spawnSync(NPM, ['ci'], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
  // npm.cmd is a batch file: Windows runs it only through a shell.
  shell: process.platform === 'win32',
})
if (ci.status !== 0) {
  console.error(`\nsetup: npm ci failed (${ci.error?.message ?? `exit code ${ci.status ?? ci.signal}`}). Nothing else was done.`)
  process.exit(ci.status || 1)
}

console.log('\n> node node_modules/electron/install.js (downloads the Electron binary)')
const env = { ...process.env }
delete env.ELECTRON_SKIP_BINARY_DOWNLOAD
// Its output is kept, not shown: offline it is a long stack trace, and one line says it.
const download = spawnSync(process.execPath, [join(ROOT, 'node_modules/electron/install.js')], {
  cwd: ROOT,
  stdio: ['ignore', 'pipe', 'pipe'],
  encoding: 'utf8',
  env,
  timeout: DOWNLOAD_TIMEOUT_MS,
})

if (download.status === 0 && electronBinaryIn(ROOT)) {
  console.log('\nsetup: done. `npm start` opens the desktop app.')
} else {
  const why = download.error?.code === 'ETIMEDOUT' ? 'the download timed out' : `the download failed${reasonOf(download)}`
  console.log(
    [
      '',
      `setup: done, without the desktop window — ${why}, so the Electron binary is not on this machine.`,
      '`npm start` will run `hooklab serve` instead: the same app in your browser.',
      'Run `npm run setup` again when you are online to get the desktop window.',
    ].join('\n'),
  )
}

/** The first line of the installer's output that names an error, e.g. " (getaddrinfo ENOTFOUND …)". */
function reasonOf(result) {
  const text = `${result.stderr ?? ''}\n${result.stdout ?? ''}`
  const line = text.split('\n').map((l) => l.trim()).find((l) => /error|ENOTFOUND|ECONN|EAI_AGAIN|status code/i.test(l))
  if (!line) return ''
  const message = line.replace(/^.*?Error:\s*/, '').slice(0, 160)
  return ` (${message})`
}
