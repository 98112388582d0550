import { resolve } from 'node:path'
import type { Command } from 'commander'
import { mkdirSync } from 'node:fs'
import { createCore, type FullCore } from '../core/app'
import { shutdown } from '../core/lifecycle/shutdown'
import { ensureAdminToken } from '../core/data-dir/admin-token'
import { defaultDataDir } from '../core/data-dir/default'
import { claimOwnership, DataDirBusyError } from '../core/data-dir/owner'
import { startServer } from '../serve/server'
import { parsePort } from './options'

function fail(message: string): never {
  console.error(`hooklab: ${message}`)
  process.exit(1)
}

interface ServeFlags {
  port: number
  dataDir: string
  adminToken?: string
}

/** `hooklab serve`: the core, the built renderer and the Admin API on 127.0.0.1. */
export function registerServe(program: Command, env: { version: string; rendererDir: string }): void {
  program
    .command('serve')
    .description('Run Hooklab in this terminal and open it in a browser (no desktop window needed)')
    .option('--port <port>', 'port on 127.0.0.1 (0 picks a free one)', parsePort, 7788)
    .option('--data-dir <dir>', 'data directory, shared with the desktop app', defaultDataDir())
    .option('--admin-token <token>', 'use this admin token (it replaces the kept one)')
    .action(async (flags: ServeFlags) => {
      const dataDir = resolve(flags.dataDir)
      mkdirSync(dataDir, { recursive: true, mode: 0o700 })
      let ownership: ReturnType<typeof claimOwnership>
      try {
        ownership = claimOwnership(dataDir, { kind: 'serve', port: null })
      } catch (err) {
        if (err instanceof DataDirBusyError) fail(`${err.message}. Stop it first, or use another --data-dir.`)
        throw err
      }
      let core: FullCore
      try {
        core = createCore({ dataDir, version: env.version })
      } catch (err) {
        ownership.release()
        fail(err instanceof Error ? err.message : String(err))
      }
      const token = ensureAdminToken(dataDir, flags.adminToken)
      let server: Awaited<ReturnType<typeof startServer>>
      try {
        server = await startServer({ core, port: flags.port, rendererDir: env.rendererDir })
      } catch (err) {
        await shutdown({ transports: [], core, release: () => ownership.release() })
        const code = (err as NodeJS.ErrnoException).code
        fail(code === 'EADDRINUSE' ? `port ${flags.port} is in use; pick another with --port (0 picks a free one)` : String(err))
      }
      ownership.update(server.port)
      core.start()
      console.log(`Hooklab listening on ${server.url}`)
      console.log(`Open ${server.url}/?token=${token}`)
      console.log(`Admin API: ${server.url}/admin/ (token in X-Hooklab-Access-Token, X-Sapo-Access-Token or Authorization: Bearer)`)
      console.log(`Data directory: ${dataDir}`)

      let stopping = false
      const stop = async (signal: string) => {
        if (stopping) return
        stopping = true
        console.log(`Hooklab stopping (${signal})`)
        await shutdown({ transports: [server], core, release: () => ownership.release() })
        process.exit(0)
      }
      process.on('SIGTERM', () => void stop('SIGTERM'))
      process.on('SIGINT', () => void stop('SIGINT'))
    })
}
