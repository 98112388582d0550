import type { IncomingMessage, ServerResponse } from 'node:http'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { HooklabError, IMPORT_MAX_BYTES, toSerializedError, type CallContext, type FieldErrors, type SerializedError } from '../core/contract'
import type { Core, LogExport } from '../core/types'
import { BASE_HEADERS, sendJson, STATUS_OF } from './http-util'

/**
 * `/files/*`: the event log's export and import under `serve` (issue 9 item 5). Both stream,
 * outside /rpc's 5 MiB body limit: an export is written as the log is read, with the
 * socket's back-pressure pacing the reads; an upload is imported as it arrives, up to
 * 256 MiB. server.ts has checked Host, Origin and the token or session cookie, as for /rpc;
 * answers use /rpc's envelope, so the renderer reads both alike.
 */
export async function handleFiles(core: Core, path: string, req: IncomingMessage, res: ServerResponse, url: URL, call: CallContext): Promise<void> {
  if (path === '/files/export') return exportFile(core, req, res, url, call)
  if (path === '/files/import') return importFile(core, req, res, call)
  refuse(res, 404, { code: 'not_found', message: 'Not found: the file endpoints are GET /files/export and POST /files/import' })
}

function refuse(res: ServerResponse, status: number, error: SerializedError, headers: Record<string, string> = {}): void {
  sendJson(res, status, { ok: false, error }, headers)
}

function fail(res: ServerResponse, err: unknown, what: string): void {
  const error = toSerializedError(err)
  if (error.code === 'internal') console.error(`hooklab: ${what} failed:`, err)
  // A file over the limit is "too large" (413); the connection closes rather than read the rest.
  if (error.fields?.file?.includes('too_long')) return refuse(res, 413, error, { Connection: 'close' })
  refuse(res, STATUS_OF[error.code], error)
}

const EXPORT_PARAMS = ['format', 'filter', 'secrets']

/** `GET /files/export?format=ndjson|har&filter=<JSON LogFilter>&secrets=true`: a download. */
async function exportFile(core: Core, req: IncomingMessage, res: ServerResponse, url: URL, call: CallContext): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, { code: 'invalid_input', message: 'Use GET' }, { Allow: 'GET, HEAD' })
  const params = url.searchParams
  const unknown = [...params.keys()].find((name) => !EXPORT_PARAMS.includes(name))
  if (unknown !== undefined) {
    const fields: FieldErrors = Object.create(null)
    fields[unknown.slice(0, 100)] = ['unknown_attribute']
    return refuse(res, 422, { code: 'invalid_input', message: `Unknown parameter: ${unknown.slice(0, 100)}`, fields })
  }
  let filter: unknown = {}
  try {
    if (params.has('filter')) filter = JSON.parse(params.get('filter')!)
  } catch {
    return refuse(res, 422, { code: 'invalid_input', message: 'filter must be a JSON object (a log filter)', fields: { filter: ['invalid'] } })
  }
  const secrets = params.get('secrets')
  const input = { filter, format: params.get('format') ?? 'ndjson', ...(secrets === null ? {} : { secrets: secrets === 'true' ? true : secrets === 'false' ? false : secrets }) }
  let running: LogExport
  try {
    running = await core.exportLog(input, call)
  } catch (err) {
    return fail(res, err, 'export')
  }
  await sendExport(req, res, running)
}

/** Streams an export as a download; the socket's back-pressure paces the reads. */
export async function sendExport(req: IncomingMessage, res: ServerResponse, running: LogExport): Promise<void> {
  res.writeHead(200, { ...BASE_HEADERS, 'Content-Type': running.contentType, 'Content-Disposition': `attachment; filename="${running.filename}"` })
  if (req.method === 'HEAD') return void res.end()
  try {
    await pipeline(Readable.from(running.chunks, { objectMode: false, highWaterMark: 64 * 1024 }), res)
  } catch (err) {
    // Headers are gone: cutting the connection is how a download says it is incomplete.
    if (!res.destroyed) res.destroy()
    if (!(err instanceof Error && 'code' in err && err.code === 'ERR_STREAM_PREMATURE_CLOSE')) console.error('hooklab: export stopped:', err)
  }
}

/** `POST /files/import` with an NDJSON export as the body (admin only). */
async function importFile(core: Core, req: IncomingMessage, res: ServerResponse, call: CallContext): Promise<void> {
  if (req.method !== 'POST') return refuse(res, 405, { code: 'invalid_input', message: 'Use POST' }, { Allow: 'POST' })
  if (call.role !== 'admin') return refuse(res, 403, { code: 'forbidden', message: 'A read token cannot import' })
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > IMPORT_MAX_BYTES) {
    return refuse(res, 413, { code: 'invalid_input', message: 'The file is larger than 256 MiB, the most an import reads', fields: { file: ['too_long'] } }, { Connection: 'close' })
  }
  try {
    sendJson(res, 200, { ok: true, value: await core.importLog(upload(req), call) })
  } catch (err) {
    fail(res, err, 'import')
  } finally {
    if (res.getHeader('Connection') !== 'close') dropRest(req)
  }
}

/**
 * What an import did not read of the body (it stopped at a bad line) is read and dropped, so
 * the client can finish sending and read the answer on a connection that stays usable. (An
 * answer over the size limit closes the connection instead.)
 */
export function dropRest(req: IncomingMessage): void {
  if (!req.complete && !req.destroyed) req.resume()
}

/**
 * The request body as chunks. When an import stops early (a bad line) the request is not
 * destroyed: Node reads and drops the rest, so the client can still read the answer.
 */
export async function* upload(req: IncomingMessage): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of req.iterator({ destroyOnReturn: false })) yield chunk as Uint8Array
  } catch {
    throw new HooklabError('invalid_input', 'The upload stopped before the end of the file', { file: ['invalid'] })
  }
}
