import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { rawRequest } from '../../support/http'
import { CLI, spawnServe } from '../../support/spawn-serve'
import { tempDir } from '../../support/temp-dir'

// `npm test` builds first; without a build this file cannot test the real CLI.
if (!existsSync(CLI)) console.warn(`serve-cli tests need the build (${CLI}); run \`npm run build\``)

let dir: ReturnType<typeof tempDir>
beforeEach(() => (dir = tempDir()))
afterEach(() => dir.cleanup())

test('serve prints where it listens and the URL to open, keeps its token, and stops cleanly on SIGTERM', async () => {
  const first = await spawnServe(['--port', '0', '--data-dir', dir.path])
  expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  expect(first.openUrl).toBe(`${first.url}/?token=${first.token}`)
  expect(readFileSync(join(dir.path, 'admin.token'), 'utf8').trim()).toBe(first.token)
  expect(JSON.parse(readFileSync(join(dir.path, 'owner.json'), 'utf8'))).toMatchObject({ pid: first.child.pid, port: Number(new URL(first.url).port), kind: 'serve' })
  expect((await rawRequest(`${first.url}/rpc/webhooks.list`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Hooklab-Access-Token': first.token }, body: '{}' })).status).toBe(200)
  expect(await first.stop()).toBe(0)
  expect(existsSync(join(dir.path, 'owner.json'))).toBe(false)

  const second = await spawnServe(['--port', '0', '--data-dir', dir.path])
  expect(second.token).toBe(first.token)
  await second.stop()
})

test('--admin-token replaces the kept token', async () => {
  const s = await spawnServe(['--port', '0', '--data-dir', dir.path, '--admin-token', 'a-chosen-admin-token-42'])
  expect(s.token).toBe('a-chosen-admin-token-42')
  await s.stop()
})

test('a second serve on the same data directory refuses and names the owner', async () => {
  const s = await spawnServe(['--port', '0', '--data-dir', dir.path])
  const other = spawnSync(process.execPath, [CLI, 'serve', '--port', '0', '--data-dir', dir.path], { encoding: 'utf8', timeout: 15_000 })
  expect(other.status).toBe(1)
  expect(other.stderr).toMatch(new RegExp(`in use by Hooklab serve \\(pid ${s.child.pid}`))
  await s.stop()
})

test('bad arguments get a clear error', () => {
  const bad = spawnSync(process.execPath, [CLI, 'serve', '--port', 'http'], { encoding: 'utf8', timeout: 15_000 })
  expect(bad.status).not.toBe(0)
  expect(bad.stderr).toMatch(/port is a whole number/)
})
