import { randomBytes as nodeRandomBytes } from 'node:crypto'
import { join } from 'node:path'
import type { ZodType } from 'zod'
import {
  emptyFields,
  ENGINE_ORIGIN,
  exportInputSchema,
  fieldsFromZod,
  HooklabError,
  invalidInput,
  isProcedureName,
  loneSurrogatePaths,
  procedures,
  PROFILES,
  webhookInputSchemas,
  type CallContext,
  type ProcedureName,
  type ProcedureOutput,
  type PushedEventName,
  type PushedEventPayload,
  type WebhookPatch,
} from './contract'
import { readAdminToken } from './data-dir/admin-token'
import { prepareDataDir } from './data-dir/prepare'
import { BurstRunner } from './delivery/bursts'
import { coalescer } from './delivery/coalesce'
import { randomPool } from './delivery/random-pool'
import { DeliveryEngine } from './delivery/engine'
import { openOverride } from './delivery/overrides'
import { ReplayService } from './delivery/replay'
import { ReplayJobRunner } from './delivery/replay-jobs'
import { Recorder } from './delivery/recorder'
import { agentPool } from './delivery/sender'
import { DeliveryService } from './delivery/service'
import { TargetCache } from './delivery/targets'
import { createHandlers, type Handlers } from './handlers'
import { Lifecycle, settleWithin } from './lifecycle/background'
import { LogFilesService } from './log-files/service'
import { LogIndexer } from './log/indexer'
import { LogRetention } from './log/retention'
import { LogService } from './log/service'
import { loadDataKey } from './secrets/data-key'
import { SecretBox } from './secrets/secret-box'
import { jsonSettingsStore } from './settings/json-settings'
import { SettingsService } from './settings/service'
import { SimulatorService } from './simulator/service'
import { BurstsRepo } from './store/bursts-repo'
import { CustomTopicsRepo } from './store/custom-topics-repo'
import { DeliveriesRepo } from './store/deliveries-repo'
import { ReplayJobsRepo } from './store/replay-jobs-repo'
import { ReplaysRepo } from './store/replays-repo'
import { LogFilesRepo } from './store/log-files-repo'
import { LogIndexRepo } from './store/log-index-repo'
import { LogRetentionRepo } from './store/log-retention-repo'
import { LogStatsRepo } from './store/log-stats-repo'
import { openDatabase } from './store/database'
import { sealLegacyRows } from './store/seal-legacy'
import { TemplatesRepo } from './store/templates-repo'
import { WebhooksRepo } from './store/webhooks-repo'
import { systemScheduler } from './time/scheduler'
import { TokenService } from './tokens/service'
import { TopicService } from './topics/service'
import type { Core, CoreOptions, LogExport, PushListener } from './types'
import { WebhookService } from './webhooks/service'

export const DATABASE_FILE = 'hooklab.db'
/** How long close() lets calls in flight and each piece of background work finish. */
export const CLOSE_CAP_MS = 5000

/** The core with its services, for tests and for code inside the core; transports see only `Core`. */
export interface FullCore extends Core {
  readonly webhooks: WebhookService
  readonly tokens: TokenService
  readonly settings: SettingsService
  readonly topics: TopicService
  readonly deliveries: DeliveryService
  readonly engine: DeliveryEngine
  /** The event log's background work; tests and the bench drive them directly. */
  readonly indexer: LogIndexer
  readonly retention: LogRetention
  readonly lifecycle: Lifecycle
  /** What preparing the data directory could not do but did not stop on. */
  readonly warnings: readonly string[]
}

/** Wiring only: opens the data directory and connects the services to the contract. */
export function createCore(options: CoreOptions): FullCore {
  const { dataDir } = options
  const { warnings } = prepareDataDir(dataDir)
  const scheduler = options.scheduler ?? systemScheduler
  const randomBytes = options.randomBytes ?? nodeRandomBytes
  const dataKey = loadDataKey(dataDir, options.keyWrapper)
  const box = new SecretBox(dataKey.key)
  const databaseFile = join(dataDir, DATABASE_FILE)
  const db = openDatabase(databaseFile, { nativeBinding: options.nativeBinding })
  const webhooksRepo = new WebhooksRepo(db)
  sealLegacyRows(db, webhooksRepo, box)

  const listeners = new Set<PushListener>()
  const emit = <N extends PushedEventName>(name: N, payload: PushedEventPayload<N>) => {
    for (const listener of listeners) {
      try {
        listener(name, payload)
      } catch (err) {
        // One broken subscriber (a closed socket) must not stop the others.
        console.error(`hooklab: a subscriber to ${name} failed:`, err)
      }
    }
  }

  const deliveriesRepo = new DeliveriesRepo(db)
  let webhooks: WebhookService | null = null
  const topics = new TopicService({
    repo: new CustomTopicsRepo(db),
    clock: scheduler,
    subscribers: (profile, topic) => webhooks!.subscribers(profile, topic),
    emit: (origin) => emit('topics.changed', { origin }),
  })
  webhooks = new WebhookService({
    repo: webhooksRepo,
    box,
    clock: scheduler,
    randomBytes,
    knows: topics.knows,
    emit: (payload) => emit('webhooks.changed', payload),
    transaction: (fn) => db.transaction(fn)(),
    aroundDelete: (ids) => {
      const events = deliveriesRepo.eventIdsOf(ids)
      return () => deliveriesRepo.deleteOrphanEvents(events)
    },
  })

  // The delivery engine (issue 8): outbox, sender, recorder, and the procedures over them.
  const version = options.version ?? '0.0.0'
  const pool = agentPool()
  const targets = new TargetCache(webhooksRepo, box)
  const pushes = coalescer(scheduler, (ids, count) => emit('deliveries.changed', { ids, count, origin: ENGINE_ORIGIN }))
  let engine: DeliveryEngine | null = null
  const recorder = new Recorder({
    db,
    repo: deliveriesRepo,
    scheduler,
    applyEngineChange: (id, change) => void webhooks!.applyEngineChange(id, change),
    webhook: (id) => webhooksRepo.get(id),
    changed: (ids) => pushes.add(ids),
    invalidate: (id) => targets.invalidate([id]),
    wake: () => engine?.wake(),
  })
  const replaysRepo = new ReplaysRepo(db)
  // A replay's other address and header overrides, applied on each of its attempts.
  const overrideOf = (id: number) => {
    const sealed = replaysRepo.override(id)
    return sealed ? openOverride(box, sealed) : null
  }
  const attemptDeps = { repo: deliveriesRepo, targets, scheduler, box, dispatcherFor: pool.dispatcherFor, dispatcher: options.dispatcher, version, overrideOf }
  engine = new DeliveryEngine({ ...attemptDeps, recorder })
  const deliveries = new DeliveryService({
    ...attemptDeps,
    db,
    webhooks: webhooksRepo,
    randomBytes: randomPool(randomBytes),
    engine,
    recorder,
    knows: topics.knows,
    templateOf: (profile, topic) => topics.templateOf(profile, topic),
    changed: (ids) => pushes.add(ids),
  })
  const bursts = new BurstRunner({ db, repo: new BurstsRepo(db), backlog: (sinceId, cap) => deliveriesRepo.pendingSince(sinceId, cap), deliveries, scheduler })
  // Replay (issue 9): single replays, and bulk replay jobs that resume after a restart.
  const replays = new ReplayService({
    db,
    repo: deliveriesRepo,
    replays: replaysRepo,
    targets,
    box,
    scheduler,
    randomBytes: randomPool(randomBytes),
    version,
    detail: (id, role) => deliveries.get(id, role),
    stored: (ids) => deliveries.afterFiring(ids),
  })
  let replayJobs: ReplayJobRunner | null = null
  const jobPushes = coalescer(scheduler, (ids) => {
    for (const id of ids) emit('replays.changed', { job: replayJobs!.get(id), origin: ENGINE_ORIGIN })
  })
  replayJobs = new ReplayJobRunner({
    db,
    jobs: new ReplayJobsRepo(db),
    deliveries: deliveriesRepo,
    replays,
    box,
    scheduler,
    randomBytes: randomPool(randomBytes),
    webhookExists: (id) => targets.get(id) !== undefined,
    stored: (ids) => deliveries.afterFiring(ids),
    progress: (id) => jobPushes.add([id]),
  })
  // Export and import (issue 9 item 5): streams, so both transports share them.
  const logFiles = new LogFilesService({
    db,
    dataDir,
    deliveries: deliveriesRepo,
    webhooks: webhooksRepo,
    reads: new LogFilesRepo(db),
    box,
    clock: scheduler,
    randomBytes,
    version,
    checkOpen: () => {
      if (closing) throw new HooklabError('unavailable', 'Hooklab is shutting down; try again once it has restarted')
    },
    emit,
  })
  // Any change to a webhook may change what the engine sends, or release waiting deliveries.
  listeners.add((name, payload) => {
    if (name !== 'webhooks.changed') return
    targets.invalidate((payload as PushedEventPayload<'webhooks.changed'>).ids)
    engine!.invalidate()
  })
  // Read once it exists: the owner writes it at start and it does not change while it runs.
  let adminToken: string | null = null
  const tokens = new TokenService(db, scheduler, () => (adminToken ??= readAdminToken(dataDir)), randomBytes)
  const settings = new SettingsService(options.settings ?? jsonSettingsStore(dataDir))
  // The event log (issue 9): full-text indexing and retention run in the background.
  const indexer = new LogIndexer(new LogIndexRepo(db), scheduler)
  const retentionRepo = new LogRetentionRepo(db, databaseFile)
  const retention = new LogRetention({ repo: retentionRepo, scheduler, settings: () => settings.get(), purged: (ids) => pushes.add(ids) })
  listeners.add((name) => {
    if (name === 'settings.changed') retention.wake()
  })
  const log = new LogService({ retention: retentionRepo, stats: new LogStatsRepo(db), scheduler })
  // Topic membership is the core's knowledge: the shared schemas check shapes only.
  const withMembership = webhookInputSchemas(topics.knows)
  // An update's topics are checked against the stored profile, so one answer names every bad field.
  const updateSchemas = new Map(PROFILES.map((p) => [p, webhookInputSchemas(topics.knows, p).update]))
  const updateSchemaFor = (id: unknown) => {
    const stored = typeof id === 'number' && Number.isSafeInteger(id) ? webhooksRepo.get(id) : undefined
    return (stored && updateSchemas.get(stored.profile)) || withMembership.update
  }
  const handlers: Handlers = createHandlers({
    webhooks,
    tokens,
    settings,
    topics,
    deliveries,
    log,
    bursts,
    replays,
    replayJobs,
    curl: { detail: (id, role) => deliveries.get(id, role), insecure: (id) => targets.get(id)?.accept_self_signed ?? false },
    logFiles,
    simulator: new SimulatorService({ templates: new TemplatesRepo(db), scheduler, knows: topics.knows }),
    version,
    dataDir,
    keyProtection: dataKey.protection === 'safe_storage' ? 'safe_storage' : 'file',
    emitSettingsChanged: (origin) => emit('settings.changed', { origin }),
    validateWebhook: (id, attributes) => {
      const input = id === undefined ? attributes : { ...(attributes as object), id }
      const parsed = (id === undefined ? withMembership.create : updateSchemaFor(id)).safeParse(input)
      if (!parsed.success) return fieldsFromZod(parsed.error, input)
      return id === undefined ? emptyFields() : webhooks!.check(id, parsed.data as WebhookPatch)
    },
  })
  const inputOf = (name: ProcedureName, input: unknown) =>
    name === 'webhooks.create'
      ? withMembership.create
      : name === 'webhooks.update'
        ? updateSchemaFor(typeof input === 'object' && input !== null && Object.hasOwn(input, 'id') ? (input as { id: unknown }).id : undefined)
        : procedures[name].input

  const lifecycle = new Lifecycle(scheduler)
  lifecycle.add(engine)
  lifecycle.add(indexer)
  lifecycle.add(retention)
  lifecycle.add(bursts)
  lifecycle.add(replayJobs)
  const inFlight = new Set<Promise<unknown>>()
  let closing: Promise<void> | null = null

  /** Lone surrogates refused by field, then the schema: every input from a transport passes here. */
  const parseInput = <T>(schema: ZodType<T>, input: unknown): T => {
    const broken = loneSurrogatePaths(input)
    if (broken.length > 0) {
      const fields = emptyFields()
      for (const path of broken) fields[path] = ['invalid']
      throw invalidInput(fields)
    }
    const parsed = schema.safeParse(input ?? {})
    if (!parsed.success) throw invalidInput(fieldsFromZod(parsed.error, input))
    return parsed.data
  }

  const run = async <N extends ProcedureName>(name: N, input: unknown, ctx: CallContext): Promise<ProcedureOutput<N>> => {
    const procedure = procedures[name]
    if (procedure.role === 'admin' && ctx.role !== 'admin') throw new HooklabError('forbidden', `A read token cannot call ${name}`)
    const parsed = parseInput<unknown>(inputOf(name, input), input)
    // One handler per name; TypeScript cannot pair a generic name with its entry by itself.
    const handler = handlers[name] as (input: unknown, ctx: CallContext) => unknown
    const output = await handler(parsed, ctx)
    // The output schema is the contract's promise to the UI; breaking it is our bug, not the caller's.
    const checked = procedure.output.safeParse(output)
    if (!checked.success) throw new HooklabError('internal', `Procedure ${name} broke its output schema: ${checked.error.message}`)
    return checked.data as ProcedureOutput<N>
  }

  const refuseWhenClosing = () => {
    if (closing) throw new HooklabError('unavailable', 'Hooklab is shutting down; try again once it has restarted')
  }
  /** A streaming export counts as a call in flight from its first read to its last. */
  async function* tracked(chunks: AsyncIterable<string>): AsyncGenerator<string> {
    let finish!: () => void
    const finished = new Promise<void>((resolve) => (finish = resolve))
    inFlight.add(finished)
    try {
      yield* chunks
    } finally {
      inFlight.delete(finished)
      finish()
    }
  }

  return {
    dataDir,
    webhooks,
    tokens,
    settings,
    topics,
    deliveries,
    engine,
    indexer,
    retention,
    lifecycle,
    warnings,
    invoke<N extends ProcedureName>(name: N, input: unknown, ctx: CallContext): Promise<ProcedureOutput<N>> {
      if (!isProcedureName(name)) return Promise.reject(new HooklabError('unknown_procedure', `Unknown procedure: ${String(name).slice(0, 100)}`))
      if (closing) return Promise.reject(new HooklabError('unavailable', 'Hooklab is shutting down; try again once it has restarted'))
      const call = run(name, input, ctx)
      inFlight.add(call)
      const forget = () => inFlight.delete(call)
      call.then(forget, forget)
      return call
    },
    async exportLog(input: unknown, ctx: CallContext): Promise<LogExport> {
      refuseWhenClosing()
      const running = logFiles.export(parseInput(exportInputSchema, input), ctx)
      return { ...running, chunks: tracked(running.chunks) }
    },
    importLog(source, ctx, options) {
      try {
        refuseWhenClosing()
      } catch (err) {
        return Promise.reject(err)
      }
      const call = logFiles.import(source, ctx, options?.maxBytes)
      inFlight.add(call)
      const forget = () => inFlight.delete(call)
      call.then(forget, forget)
      return call
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    verifyToken: (value) => tokens.verify(value),
    start: () => lifecycle.start(),
    close({ capMs = CLOSE_CAP_MS } = {}) {
      closing ??= (async () => {
        const drained = await settleWithin(scheduler, Promise.allSettled([...inFlight]), capMs)
        if (!drained) console.error(`hooklab: ${inFlight.size} call(s) still running after ${capMs} ms; closing anyway`)
        const stragglers = await lifecycle.stop(capMs)
        if (stragglers.length > 0) console.error(`hooklab: ${stragglers.join(', ')} did not stop within ${capMs} ms`)
        // Attempts that did not finish in time go back to pending: sent again after a restart.
        if (db.open) deliveriesRepo.unlease(engine!.leasedIds())
        if (db.open) jobPushes.flush()
        pushes.flush()
        await pool.close()
        listeners.clear()
        if (db.open) db.close()
      })()
      return closing
    },
  }
}
