import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ensureAdminToken } from '../../electron/core/data-dir/admin-token'
import { startServer, type RunningServer } from '../../electron/serve/server'
import { testCore } from './core'

/** A real web transport on 127.0.0.1 (ephemeral port) over a real core, with a tiny stand-in renderer. */
export async function testServer(): Promise<{ server: RunningServer; token: string; t: ReturnType<typeof testCore>; close(): Promise<void> }> {
  const t = testCore()
  const rendererDir = join(t.dataDir, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Hooklab</title>')
  writeFileSync(join(rendererDir, 'assets', 'app-1234.js'), 'console.log(1)')
  const token = ensureAdminToken(t.dataDir)
  const server = await startServer({ core: t.core, port: 0, rendererDir })
  return {
    server,
    token,
    t,
    async close() {
      await server.close()
      t.close()
    },
  }
}
