import type { IncomingMessage, ServerResponse } from 'node:http'
import { isProcedureName, toSerializedError, type TokenRole, type TransportInfo } from '../core/contract'
import type { Core } from '../core/types'
import { HttpError, readBody, sendJson, STATUS_OF } from './http-util'

const CLIENT_ID = /^[A-Za-z0-9_-]{1,100}$/

/** The window's client id (X-Hooklab-Client), echoed in pushed events; `web` without one. */
export function clientOrigin(req: IncomingMessage): string {
  const client = req.headers['x-hooklab-client']
  return typeof client === 'string' && CLIENT_ID.test(client) ? client : 'web'
}

/**
 * `POST /rpc/<procedure>`: the contract over HTTP. The envelope matches the IPC
 * binding's, so the renderer's client treats both transports alike.
 */
export async function handleRpc(core: Core, name: string, req: IncomingMessage, res: ServerResponse, role: TokenRole, transport: TransportInfo): Promise<void> {
  if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'invalid_input', message: 'Use POST' } }, { Allow: 'POST' })
  // Requiring JSON forces a CORS preflight on any cross-site attempt, which we never answer.
  if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
    return sendJson(res, 415, { ok: false, error: { code: 'invalid_input', message: 'Content-Type must be application/json' } })
  }
  let input: unknown
  try {
    const body = await readBody(req)
    input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'))
  } catch (err) {
    const status = err instanceof HttpError ? err.status : 400
    return sendJson(res, status, { ok: false, error: { code: 'invalid_input', message: status === 413 ? 'Request body is too large' : 'Malformed JSON' } })
  }
  const origin = clientOrigin(req)
  if (!isProcedureName(name)) {
    return sendJson(res, 404, { ok: false, error: { code: 'unknown_procedure', message: `Unknown procedure: ${name.slice(0, 100)}` } })
  }
  try {
    const value = await core.invoke(name, input, { origin, role, transport })
    sendJson(res, 200, { ok: true, value })
  } catch (err) {
    const error = toSerializedError(err)
    if (error.code === 'internal') console.error(`hooklab: ${name} failed:`, err)
    sendJson(res, STATUS_OF[error.code], { ok: false, error })
  }
}
