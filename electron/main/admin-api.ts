/**
 * The desktop app serves the Admin API only when the settings ask for it
 * (SPEC §8; `serve` always does). This follows the settings while the app runs:
 * turned on, off, or moved to another port, the server follows, and the core
 * is told where it answers (for `app.info`). The server itself is injected so
 * the decisions are tested without sockets.
 */

export interface AdminApiWanted {
  admin_api_enabled: boolean
  admin_api_port: number
}

export interface RunningServer {
  url: string
  port: number
  close(): Promise<void> | void
}

export type AdminApiAction = 'start' | 'stop' | 'restart' | 'none'

/** Pure: what to do, given the port we serve on now (null when off) and what is wanted. */
export function adminApiAction(runningPort: number | null, wanted: AdminApiWanted): AdminApiAction {
  if (!wanted.admin_api_enabled) return runningPort === null ? 'none' : 'stop'
  if (runningPort === null) return 'start'
  // Port 0 means "any free port": whatever we got already satisfies it.
  return wanted.admin_api_port === 0 || wanted.admin_api_port === runningPort ? 'none' : 'restart'
}

export interface AdminApiControllerOptions {
  start(port: number): Promise<RunningServer>
  setAdminApiUrl(url: string | null): void
  log(message: string, err?: unknown): void
}

export interface AdminApiController {
  /** Brings the server in line with the settings; never throws (a busy port is logged). */
  apply(wanted: AdminApiWanted): Promise<void>
  close(): Promise<void>
}

export function adminApiController(options: AdminApiControllerOptions): AdminApiController {
  let server: RunningServer | null = null
  // Settings can change twice before a start finishes: apply one change at a time.
  let queue: Promise<void> = Promise.resolve()

  async function stop(): Promise<void> {
    const current = server
    server = null
    options.setAdminApiUrl(null)
    if (current) await current.close()
  }

  async function applyNow(wanted: AdminApiWanted): Promise<void> {
    const action = adminApiAction(server?.port ?? null, wanted)
    if (action === 'none') return
    await stop()
    if (action === 'stop') return
    try {
      server = await options.start(wanted.admin_api_port)
      options.setAdminApiUrl(`${server.url}/admin/`)
    } catch (err) {
      options.log(`Admin API could not start on port ${wanted.admin_api_port}`, err)
    }
  }

  return {
    apply(wanted) {
      queue = queue.then(() => applyNow(wanted)).catch((err) => options.log('Admin API change failed', err))
      return queue
    },
    close() {
      queue = queue.then(stop).catch((err) => options.log('Admin API close failed', err))
      return queue
    },
  }
}
