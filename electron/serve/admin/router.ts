import type { IncomingMessage, ServerResponse } from 'node:http'
import type { TokenRole, TransportInfo } from '../../core/contract'
import type { Core } from '../../core/types'
import { sendExport } from '../files'
import { sendJson } from '../http-util'
import { ADMIN_API_ORIGIN, type Handler } from './context'
import { AdminError, forbidden, notFoundError, toAdminError, unauthorized } from './errors'
import { cancelBurst, cancelDelivery, countDeliveries, fireEvent, getBurst, getDelivery, listDeliveries, pingWebhook, retryDelivery, testWebhook } from './deliveries'
import { cancelReplayJob, curlOfDelivery, getReplayJob, replayDelivery, startReplayJob } from './replays'
import { exportDeliveries, importDeliveries } from './log-files'
import { createToken, deleteToken, listTokens } from './tokens'
import { countWebhooks, createWebhook, deleteWebhook, getWebhook, listWebhooks, updateWebhook } from './webhooks'

/**
 * The Sapo-compatible Admin API (SPEC §7, §8). The server has already checked Host and
 * worked out the caller's role from the token; this file answers 401 / 404 / 405 / 403
 * in that order and hands the request to one handler. Checking the token before the
 * path means a caller without one learns nothing about which paths exist.
 */

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE'
interface Endpoint {
  handler: Handler
  /** `read` endpoints take either token; `admin` ones refuse a read token with 403. */
  needs: TokenRole
}
interface Route {
  /** Matches the path; a capture group, when present, is the resource id. */
  path: RegExp
  methods: Partial<Record<Method, Endpoint>>
}

const read = (handler: Handler): Endpoint => ({ handler, needs: 'read' })
const admin = (handler: Handler): Endpoint => ({ handler, needs: 'admin' })

// Ids are at most 15 digits so they stay exact JavaScript numbers.
const ROUTES: Route[] = [
  { path: /^\/admin\/webhooks\.json$/, methods: { GET: read(listWebhooks), POST: admin(createWebhook) } },
  { path: /^\/admin\/webhooks\/count\.json$/, methods: { GET: read(countWebhooks) } },
  { path: /^\/admin\/webhooks\/(\d{1,15})\.json$/, methods: { GET: read(getWebhook), PUT: admin(updateWebhook), DELETE: admin(deleteWebhook) } },
  { path: /^\/admin\/webhooks\/(\d{1,15})\/ping\.json$/, methods: { POST: admin(pingWebhook) } },
  { path: /^\/admin\/webhooks\/(\d{1,15})\/test\.json$/, methods: { POST: admin(testWebhook) } },
  { path: /^\/admin\/events\.json$/, methods: { POST: admin(fireEvent) } },
  { path: /^\/admin\/bursts\/(\d{1,15})\.json$/, methods: { GET: read(getBurst), DELETE: admin(cancelBurst) } },
  { path: /^\/admin\/deliveries\.json$/, methods: { GET: read(listDeliveries) } },
  { path: /^\/admin\/deliveries\/count\.json$/, methods: { GET: read(countDeliveries) } },
  { path: /^\/admin\/deliveries\/export\.ndjson$/, methods: { GET: read(exportDeliveries('ndjson')) } },
  { path: /^\/admin\/deliveries\/export\.har$/, methods: { GET: read(exportDeliveries('har')) } },
  { path: /^\/admin\/imports\.ndjson$/, methods: { POST: admin(importDeliveries) } },
  { path: /^\/admin\/deliveries\/(\d{1,15})\.json$/, methods: { GET: read(getDelivery) } },
  { path: /^\/admin\/deliveries\/(\d{1,15})\/retry\.json$/, methods: { POST: admin(retryDelivery) } },
  { path: /^\/admin\/deliveries\/(\d{1,15})\/cancel\.json$/, methods: { POST: admin(cancelDelivery) } },
  { path: /^\/admin\/deliveries\/(\d{1,15})\/replay\.json$/, methods: { POST: admin(replayDelivery) } },
  { path: /^\/admin\/deliveries\/(\d{1,15})\/curl\.json$/, methods: { GET: read(curlOfDelivery) } },
  { path: /^\/admin\/replays\.json$/, methods: { POST: admin(startReplayJob) } },
  { path: /^\/admin\/replays\/(\d{1,15})\.json$/, methods: { GET: read(getReplayJob), DELETE: admin(cancelReplayJob) } },
  // Tokens grant access, so even listing them is for admins.
  { path: /^\/admin\/tokens\.json$/, methods: { GET: admin(listTokens), POST: admin(createToken) } },
  { path: /^\/admin\/tokens\/(\d{1,15})\.json$/, methods: { DELETE: admin(deleteToken) } },
]

/** The route for a path and the id in it (null when the route has none); null when no route matches. */
function findRoute(path: string): { route: Route; id: number | null } | null {
  for (const route of ROUTES) {
    const match = route.path.exec(path)
    if (match) return { route, id: match[1] === undefined ? null : Number(match[1]) }
  }
  return null
}

function allowOf(route: Route): string {
  const methods = Object.keys(route.methods)
  // HEAD is answered as GET (Node drops the body).
  return (methods.includes('GET') ? [...methods, 'HEAD'] : methods).join(', ')
}

export function createAdminApi(core: Core, transport: () => TransportInfo) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL, role: TokenRole | null): Promise<void> => {
    try {
      if (!role) throw unauthorized()
      const found = findRoute(url.pathname)
      // Id 0 matches the pattern but names nothing.
      if (!found || found.id === 0) throw notFoundError()
      const { route } = found
      const method = req.method === 'HEAD' ? 'GET' : (req.method as Method)
      const endpoint = route.methods[method]
      if (!endpoint) throw new AdminError(405, 'Method Not Allowed', { Allow: allowOf(route) })
      if (endpoint.needs === 'admin' && role !== 'admin') throw forbidden()
      const reply = await endpoint.handler({ core, req, url, role, id: found.id ?? 0, call: { origin: ADMIN_API_ORIGIN, role, transport: transport() } })
      if (reply.stream) return await sendExport(req, res, reply.stream)
      sendJson(res, reply.status ?? 200, reply.body, reply.headers)
    } catch (err) {
      const error = toAdminError(err)
      if (res.headersSent) return void res.destroy()
      sendJson(res, error.status, { errors: error.errors }, error.headers)
    }
  }
}
