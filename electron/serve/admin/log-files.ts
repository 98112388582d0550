import { HooklabError, IMPORT_MAX_BYTES, logFilterShape, type ExportFormat } from '../../core/contract'
import { dropRest, upload } from '../files'
import type { Handler, Reply } from './context'
import { logFilterOf } from './log-filter'
import { AdminError, badRequest } from './errors'

/**
 * The event log's files on the Admin API (issue 9 item 5): `GET /admin/deliveries/export.ndjson`
 * (or `.har`) takes the same filter parameters as deliveries.json plus `secrets=true` (admin
 * tokens only); `POST /admin/imports.ndjson` takes an NDJSON export as the body, up to 256 MiB,
 * streamed (not through the 5 MiB JSON body limit).
 */
const EXPORT_PARAMS = [...Object.keys(logFilterShape), 'secrets']

export function exportDeliveries(format: ExportFormat): Handler {
  return async (ctx): Promise<Reply> => {
    const params = ctx.url.searchParams
    for (const name of params.keys()) if (!EXPORT_PARAMS.includes(name)) throw badRequest(name, `is not a parameter of deliveries/export.${format}`)
    const secrets = params.get('secrets')
    if (secrets !== null && secrets !== 'true' && secrets !== 'false') throw badRequest('secrets', 'must be true or false')
    const running = await ctx.core.exportLog({ filter: logFilterOf(params), format, ...(secrets === null ? {} : { secrets: secrets === 'true' }) }, ctx.call)
    return { body: null, stream: running }
  }
}

const TOO_LARGE = 'Request body is too large (the limit for an import is 256 MiB)'

export const importDeliveries: Handler = async (ctx) => {
  const declared = Number(ctx.req.headers['content-length'])
  if (Number.isFinite(declared) && declared > IMPORT_MAX_BYTES) throw new AdminError(413, TOO_LARGE, { Connection: 'close' })
  let closes = false
  try {
    return { body: { import: await ctx.core.importLog(upload(ctx.req), ctx.call) } }
  } catch (err) {
    // The line and its reason are the answer (Rails' field sentences would lose both).
    if (err instanceof HooklabError && err.code === 'invalid_input') {
      closes = err.fields?.file?.includes('too_long') === true
      throw closes ? new AdminError(413, TOO_LARGE, { Connection: 'close' }) : new AdminError(422, err.message)
    }
    throw err
  } finally {
    if (!closes) dropRest(ctx.req)
  }
}
