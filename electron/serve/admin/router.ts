import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FullCore } from '../../core/app'
import type { TokenRole } from '../../core/contract'
import { sendJson } from '../http-util'

/** Placeholder until the Admin API lands in this folder: answers 501 so nobody mistakes it for done. */
export function createAdminApi(_core: FullCore) {
  return async (_req: IncomingMessage, res: ServerResponse, _url: URL, role: TokenRole | null): Promise<void> => {
    if (!role) return sendJson(res, 401, { errors: 'Unauthorized' })
    sendJson(res, 501, { errors: 'The Admin API is not built yet' })
  }
}
