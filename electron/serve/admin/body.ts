import type { IncomingMessage } from 'node:http'
import { readBody } from '../http-util'
import { AdminError } from './errors'

/**
 * Content types whose body we parse as JSON (SPEC §8 "Admin API details"): JSON itself,
 * none at all, and form-urlencoded because `curl -d '{…}'` sends that by default.
 */
function acceptedType(header: string | undefined): boolean {
  const type = (header ?? '').split(';')[0].trim().toLowerCase()
  return type === '' || type === 'application/json' || type === 'application/x-www-form-urlencoded' || /^application\/[a-z0-9.+-]+\+json$/.test(type)
}

export type Attributes = Record<string, unknown>

/** A map for keys that come from a request body: no prototype for `__proto__` or `constructor` to reach. */
export function nullObject(): Attributes {
  return Object.create(null) as Attributes
}

const isObject = (value: unknown): value is Attributes => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Reads `{"<root>": {…}}` (`{"webhook": …}`, `{"token": …}`) and returns the inner object.
 * Other top-level keys are ignored, as Rails ignores unpermitted root params.
 */
export async function readWrapped(req: IncomingMessage, root: string): Promise<Attributes> {
  if (!acceptedType(req.headers['content-type'])) {
    throw new AdminError(415, 'Content-Type must be application/json (form-urlencoded is accepted when the body is JSON)')
  }
  const raw = (await readBody(req)).toString('utf8').replace(/^\uFEFF/, '')
  let body: unknown = undefined
  if (raw.trim() !== '') {
    try {
      body = JSON.parse(raw)
    } catch (err) {
      const hint = req.headers['content-type']?.includes('form-urlencoded') ? ' (form fields are not supported: send the body as JSON)' : ''
      throw new AdminError(400, `Malformed JSON: ${(err as Error).message}${hint}`)
    }
  }
  const inner = isObject(body) && Object.hasOwn(body, root) ? body[root] : undefined
  if (inner === undefined || inner === null) throw new AdminError(422, { [root]: ['is required'] })
  if (!isObject(inner)) throw new AdminError(422, { [root]: ['must be an object'] })
  return inner
}
