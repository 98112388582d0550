import { randomBytes as nodeRandomBytes } from 'node:crypto'
import { createReadStream, createWriteStream, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { HooklabError, type CallContext, type PushedEventName, type PushedEventPayload } from '../contract'
import { IMPORT_MAX_BYTES, type ExportInput, type ImportResult } from '../contract/log-schemas'
import type { SecretBox } from '../secrets/secret-box'
import type { Db } from '../store/database'
import type { DeliveriesRepo } from '../store/deliveries-repo'
import type { LogFilesRepo } from '../store/log-files-repo'
import type { WebhooksRepo } from '../store/webhooks-repo'
import { isoSeconds } from '../time/format'
import type { Clock } from '../time/scheduler'
import type { LogExport } from '../types'
import { exportHar } from './export-har'
import { exportNdjson, type ExportDeps } from './export-ndjson'
import { importNdjson } from './import-ndjson'

export interface LogFilesDeps {
  db: Db
  dataDir: string
  deliveries: Pick<DeliveriesRepo, 'page'>
  webhooks: WebhooksRepo
  reads: LogFilesRepo
  box: SecretBox
  clock: Clock
  randomBytes(n: number): Buffer
  version: string
  /** Throws (unavailable) once the core is closing. */
  checkOpen(): void
  emit<N extends PushedEventName>(name: N, payload: PushedEventPayload<N>): void
}

const CONTENT_TYPES = { ndjson: 'application/x-ndjson; charset=utf-8', har: 'application/json; charset=utf-8' } as const

/**
 * Export and import of the event log (issue 9 item 5, SPEC §8). Both stream, so both
 * transports use the same code: `serve` pipes an export into an HTTP answer and an upload
 * into an import; the desktop app does the same with files the user picked.
 */
export class LogFilesService {
  private importing = false

  constructor(private readonly deps: LogFilesDeps) {}

  export(input: ExportInput, ctx: CallContext): LogExport {
    const secrets = input.secrets === true
    if (secrets && ctx.role !== 'admin') throw new HooklabError('forbidden', 'A read token never sees secrets; an export with secrets needs an admin token')
    const now = this.deps.clock.now()
    const progress = { deliveries: 0 }
    const lastId = this.deps.reads.newestDeliveryId()
    const options = { filter: input.filter, secrets, role: ctx.role, createdOn: isoSeconds(now), lastId, progress }
    const exportDeps: ExportDeps = { ...this.deps }
    const chunks =
      input.format === 'har'
        ? exportHar({ ...exportDeps, version: this.deps.version, webhook: memo((id) => this.deps.webhooks.get(id)) }, options)
        : exportNdjson(exportDeps, options)
    const stamp = isoSeconds(now).replace(/:/g, '-')
    return { filename: `hooklab-log-${stamp}.${input.format}`, contentType: CONTENT_TYPES[input.format], chunks, progress }
  }

  /** Imports an NDJSON export read from `source`; nothing is stored unless all of it is good. */
  async import(source: AsyncIterable<Uint8Array>, ctx: CallContext, maxBytes = IMPORT_MAX_BYTES): Promise<ImportResult> {
    if (ctx.role !== 'admin') throw new HooklabError('forbidden', 'A read token cannot import')
    if (this.importing) throw new HooklabError('conflict', 'Another import is running; try again when it has finished')
    this.importing = true
    try {
      const deps = { ...this.deps, now: () => this.deps.clock.now() }
      const committed = await importNdjson(source, deps, Math.min(maxBytes, IMPORT_MAX_BYTES))
      if (committed.webhookIds.length > 0) this.deps.emit('webhooks.changed', { action: 'created', ids: committed.webhookIds, origin: ctx.origin })
      if (committed.counts.deliveries > 0) this.deps.emit('deliveries.changed', { ids: committed.newestDeliveryIds, count: committed.counts.deliveries, origin: ctx.origin })
      return committed.counts
    } finally {
      this.importing = false
    }
  }

  /**
   * The desktop app's export to a path its main process chose with a save dialog. Written
   * beside the target, then renamed: a failed export never leaves half a file under that name.
   */
  async exportToFile(input: ExportInput & { path?: string }, ctx: CallContext): Promise<{ path: string; deliveries: number }> {
    const path = this.localPath(input.path, ctx)
    const running = this.export(input, ctx)
    const partial = join(dirname(path), `.${basename(path)}.${nodeRandomBytes(4).toString('hex')}.part`)
    try {
      await pipeline(Readable.from(running.chunks, { objectMode: false, highWaterMark: 64 * 1024 }), createWriteStream(partial, { mode: 0o600, flags: 'wx' }))
      renameSync(partial, path)
    } catch (err) {
      rmSync(partial, { force: true })
      throw fileError(err, path, 'written')
    }
    return { path, deliveries: running.progress.deliveries }
  }

  /** The desktop app's import of a file on this machine, streamed from disk. */
  async importFromFile(path: string, ctx: CallContext): Promise<ImportResult> {
    this.localPath(path, ctx)
    let size: number
    try {
      const stat = statSync(path)
      if (!stat.isFile()) throw new HooklabError('invalid_input', `${path} is not a file`, { path: ['invalid'] })
      size = stat.size
    } catch (err) {
      throw fileError(err, path, 'read')
    }
    if (size > IMPORT_MAX_BYTES) throw new HooklabError('invalid_input', `The file is larger than 256 MiB, the most an import reads`, { file: ['too_long'] })
    const stream = createReadStream(path, { highWaterMark: 1024 * 1024 })
    try {
      return await this.import(stream, ctx)
    } catch (err) {
      throw fileError(err, path, 'read')
    } finally {
      stream.destroy()
    }
  }

  /** Paths name files on the machine the core runs on: only the desktop app (IPC) may send one. */
  private localPath(path: string | undefined, ctx: CallContext): string {
    if (ctx.transport.kind !== 'ipc') {
      throw new HooklabError('forbidden', 'Files on the server are not reachable from a browser: use GET /files/export and POST /files/import instead')
    }
    if (!path) throw new HooklabError('invalid_input', 'Choose where to save the export', { path: ['blank'] })
    return path
  }
}

function memo<T>(read: (id: number) => T): (id: number) => T {
  const seen = new Map<number, T>()
  return (id) => {
    if (!seen.has(id)) seen.set(id, read(id))
    return seen.get(id)!
  }
}

/** File-system failures as one sentence naming the path (never raw errno text alone). */
function fileError(err: unknown, path: string, verb: 'read' | 'written'): unknown {
  if (err instanceof HooklabError) return err
  const code = (err as NodeJS.ErrnoException)?.code
  const why =
    code === 'ENOENT' ? 'it (or its folder) does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : code === 'ENOSPC' ? 'the disk is full' : null
  if (why === null) return err
  return new HooklabError('invalid_input', `${path} could not be ${verb}: ${why}`, { path: ['invalid'] })
}
