import { resolve } from 'node:path'
import type { Command } from 'commander'
import { createCore, type FullCore } from '../core/app'
import { shutdown } from '../core/lifecycle/shutdown'
import { AdminTokenError, ensureAdminToken } from '../core/data-dir/admin-token'
import { defaultDataDir } from '../core/data-dir/default'
import { claimOwnership, DataDirBusyError } from '../core/data-dir/owner'
import { DataDirError, prepareDataDir } from '../core/data-dir/prepare'
import { startServer } from '../serve/server'
import { parsePort } from './options'

function fail(message: string): never {
  console.error(`hooklab: ${message}`)
  process.exit(1)
}

/**
 * One sentence for a failure at start. Errno errors carry Node's raw text
 * (`EACCES: permission denied, open …`), which names neither what Hooklab was doing
 * nor what to do, so they are rephrased around the data directory.
 */
function sentence(err: unknown, dataDir: string, doing: string): string {
  if (err instanceof DataDirError || err instanceof AdminTokenError) return err.message
  const code = (err as NodeJS.ErrnoException | null)?.code
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    return `Hooklab could not ${doing} in the data directory ${dataDir} (${code}). Check that it is a folder you can write to, or choose another --data-dir.`
  }
  return err instanceof Error ? err.message : String(err)
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
      // First, before any lock or database: a bad path (a file, under a file, /proc) must
      // answer at once with one sentence; prepareDataDir never uses recursive mkdir, which hangs on /proc.
      let warnings: readonly string[]
      try {
        warnings = prepareDataDir(dataDir).warnings
      } catch (err) {
        fail(sentence(err, dataDir, 'prepare its files'))
      }
      for (const warning of warnings) console.error(`hooklab: ${warning}`)

      let ownership: ReturnType<typeof claimOwnership>
      try {
        ownership = claimOwnership(dataDir, { kind: 'serve', port: null })
      } catch (err) {
        if (err instanceof DataDirBusyError) fail(`${err.message}. Stop it first, or use another --data-dir.`)
        fail(sentence(err, dataDir, 'take ownership'))
      }
      let core: FullCore
      try {
        core = createCore({ dataDir, version: env.version })
      } catch (err) {
        ownership.release()
        fail(sentence(err, dataDir, 'open the store'))
      }
      for (const warning of core.warnings) if (!warnings.includes(warning)) console.error(`hooklab: ${warning}`)
      let token: string
      try {
        token = ensureAdminToken(dataDir, flags.adminToken)
      } catch (err) {
        await shutdown({ transports: [], core, release: () => ownership.release() })
        fail(sentence(err, dataDir, 'keep the admin token'))
      }
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
      let stopping = false
      const stop = async (signal: string) => {
        if (stopping) return
        stopping = true
        console.log(`Hooklab stopping (${signal})`)
        await shutdown({ transports: [server], core, release: () => ownership.release() })
        process.exit(0)
      }
      // Before the ready lines: whoever reads them may signal at once, and must reach stop().
      process.on('SIGTERM', () => void stop('SIGTERM'))
      process.on('SIGINT', () => void stop('SIGINT'))
      console.log(`Hooklab listening on ${server.url}`)
      console.log(`Open ${server.url}/?token=${token}`)
      console.log(`Admin API: ${server.url}/admin/ (token in X-Hooklab-Access-Token, X-Sapo-Access-Token or Authorization: Bearer)`)
      console.log(`Data directory: ${dataDir}`)
    })
}
