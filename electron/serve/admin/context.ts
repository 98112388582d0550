import type { IncomingMessage } from 'node:http'
import type { CallContext, TokenRole } from '../../core/contract'
import type { Core, LogExport } from '../../core/types'

/** What every Admin API handler receives: the request, its caller, and the id in its path. */
export interface AdminContext {
  core: Core
  req: IncomingMessage
  url: URL
  role: TokenRole
  /** The `{id}` of `/admin/webhooks/{id}.json` and the like. */
  id: number
  /** Passed to core.invoke, so pushed events name the Admin API as the origin of a change. */
  call: CallContext
}

/** What a handler answers; the router writes it. */
export interface Reply {
  status?: number
  body: unknown
  headers?: Record<string, string>
  /** An export streamed as a download instead of `body` (issue 9 item 5). */
  stream?: LogExport
}

export type Handler = (ctx: AdminContext) => Promise<Reply>

/** The origin pushed with every change made here; the UI's sync footer counts these. */
export const ADMIN_API_ORIGIN = 'admin-api'
