import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { CLI, spawnServe } from '../../support/spawn-serve'
import { tempDir } from '../../support/temp-dir'

// Issue 6 §1.7: a bad --data-dir printed raw errno text (`EEXIST: file already exists, mkdir …`), and /proc/x hung for ever.
if (!existsSync(CLI)) console.warn(`data-dir tests need the build (${CLI}); run \`npm run build\``)

let dir: ReturnType<typeof tempDir>
beforeEach(() => (dir = tempDir()))
afterEach(() => {
  chmodSync(dir.path, 0o700)
  dir.cleanup()
})

/**
 * "Within a second" of the CLI's own start-up: a loaded test machine (parallel workers)
 * takes over a second just to boot Node and load the bundle, so that time, measured
 * with `--version` under the same load, is not counted.
 */
function startupMs(): number {
  const started = Date.now()
  spawnSync(process.execPath, [CLI, '--version'], { timeout: 10_000 })
  return Date.now() - started
}
const WITHIN_MS = 1000

function serve(args: string[], options: SpawnSyncOptions = {}) {
  const before = startupMs()
  const started = Date.now()
  const run = spawnSync(process.execPath, [CLI, 'serve', '--port', '0', ...args], { encoding: 'utf8', timeout: 10_000, ...options })
  const ms = Date.now() - started
  // Load changes from moment to moment: the slower of the start-ups around the run is the fair one.
  const startup = Math.max(before, startupMs())
  return { status: run.status, signal: run.signal, stdout: String(run.stdout), stderr: String(run.stderr), ms, startup }
}

/** One sentence on stderr that names the path; no stack, no errno text; a non-zero exit, quickly. */
function expectOneSentence(run: ReturnType<typeof serve>, path: string, advice: RegExp) {
  expect(run.signal, 'it must exit by itself, not hang until killed').toBeNull()
  expect(run.status).not.toBe(0)
  expect(run.status).not.toBeNull()
  const lines = run.stderr.trim().split('\n')
  expect(lines, run.stderr).toHaveLength(1)
  expect(lines[0]).toMatch(/^hooklab: /)
  expect(lines[0]).toContain(path)
  expect(lines[0]).toMatch(advice)
  expect(run.stderr).not.toMatch(/\b(EEXIST|ENOTDIR|EACCES|ENOENT|EROFS|EPERM)\b|errno|\n\s+at /)
  expect(run.stdout).not.toContain('Hooklab listening')
  expect(run.ms).toBeLessThan(run.startup + WITHIN_MS)
}

test('a data directory that is a file', () => {
  const file = join(dir.path, 'not-a-dir')
  writeFileSync(file, 'x')
  expectOneSentence(serve(['--data-dir', file]), file, /is a file.*--data-dir/)
})

test('a data directory under a file', () => {
  const file = join(dir.path, 'plain-file')
  writeFileSync(file, 'x')
  const target = join(file, 'deeper', 'hooklab')
  expectOneSentence(serve(['--data-dir', target]), target, /is a file.*--data-dir/)
})

test('a data directory in /proc answers at once instead of hanging', () => {
  expectOneSentence(serve(['--data-dir', '/proc/x']), '/proc/x', /--data-dir/)
  expectOneSentence(serve(['--data-dir', '/proc/hooklab/a/b']), '/proc/hooklab/a/b', /--data-dir/)
})

/**
 * Root writes anywhere whatever the mode says, so as root the CLI runs as `nobody`
 * (uid 65534) against a root-owned 0755 directory; otherwise the directory is made 0555.
 */
function unwritable(): { parent: string; options: SpawnSyncOptions } {
  const parent = join(dir.path, 'locked')
  mkdirSync(parent)
  const root = process.getuid?.() === 0
  chmodSync(dir.path, 0o755)
  chmodSync(parent, root ? 0o755 : 0o555)
  return { parent, options: root ? { uid: 65534, gid: 65534, env: { ...process.env, HOME: '/tmp' } } : {} }
}

test('an existing data directory this user cannot write', () => {
  const { parent, options } = unwritable()
  expectOneSentence(serve(['--data-dir', parent], options), parent, /not writable.*--data-dir/)
})

test('a data directory that cannot be created for lack of permission', () => {
  const { parent, options } = unwritable()
  const target = join(parent, 'new', 'hooklab')
  expectOneSentence(serve(['--data-dir', target], options), target, /cannot be created \(permission denied\).*--data-dir/)
})

test('a bad --admin-token says why in one sentence and leaves no owner lock behind', () => {
  const run = serve(['--data-dir', dir.path, '--admin-token', 'short'])
  expect(run.status).toBe(1)
  expect(run.stderr.trim()).toBe('hooklab: --admin-token must be 16–256 characters of letters, digits and ._~+/=-')
  expect(run.ms).toBeLessThan(run.startup + WITHIN_MS)
  expect(existsSync(join(dir.path, 'owner.json'))).toBe(false)
  expect(existsSync(join(dir.path, 'owner.lock'))).toBe(false)
})

test('a fresh nested data directory is created 0700, and serve starts in it', async () => {
  // The happy path of the same code: prepareDataDir creates each missing level.
  const target = join(dir.path, 'a', 'b', 'hooklab')
  const s = await spawnServe(['--port', '0', '--data-dir', target])
  expect(existsSync(join(target, 'hooklab.db'))).toBe(true)
  expect(statSync(target).mode & 0o777).toBe(0o700)
  expect(await s.stop()).toBe(0)
})

test('a data directory that cannot be made private is used, and serve says so once', async () => {
  // Writable by all but owned by someone else: chmod is refused (EPERM), writing is not.
  const root = process.getuid?.() === 0
  if (!root) return console.warn('skipped: needs root to run serve as another user than the directory owner')
  const shared = join(dir.path, 'shared')
  mkdirSync(shared)
  chmodSync(dir.path, 0o755)
  chmodSync(shared, 0o777)
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--data-dir', shared], { uid: 65534, gid: 65534, env: { ...process.env, HOME: '/tmp' } })
  let out = ''
  let err = ''
  child.stdout.on('data', (c: Buffer) => (out += c.toString()))
  child.stderr.on('data', (c: Buffer) => (err += c.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const end = Date.now() + 15_000
  while (!out.includes('Data directory:') && child.exitCode === null && Date.now() < end) await new Promise((r) => setTimeout(r, 20))
  child.kill('SIGTERM')
  expect(await exited).toBe(0)
  expect(out).toContain('Hooklab listening')
  const warnings = err.trim().split('\n')
  expect(warnings).toEqual([`hooklab: The data directory ${shared} could not be made private (mode 0700); other users may be able to list it.`])
}, 30_000)
