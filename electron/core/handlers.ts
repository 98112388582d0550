import { HooklabError, type CallContext, type FieldErrors, type ProcedureName, type ProcedureOutput, type ProcedureParsedInput } from './contract'
import type { BurstRunner } from './delivery/bursts'
import { copyAsCurl, type CurlDeps } from './delivery/curl'
import type { ReplayService } from './delivery/replay'
import type { ReplayJobRunner } from './delivery/replay-jobs'
import type { DeliveryService } from './delivery/service'
import type { LogFilesService } from './log-files/service'
import type { LogService } from './log/service'
import type { SettingsService } from './settings/service'
import type { SimulatorService } from './simulator/service'
import type { TokenService } from './tokens/service'
import type { TopicService } from './topics/service'
import { viewerOf } from './webhooks/present'
import type { WebhookService } from './webhooks/service'

export interface HandlerDeps {
  webhooks: WebhookService
  tokens: TokenService
  settings: SettingsService
  topics: TopicService
  deliveries: DeliveryService
  log: LogService
  bursts: BurstRunner
  replays: ReplayService
  replayJobs: ReplayJobRunner
  curl: CurlDeps
  logFiles: LogFilesService
  simulator: SimulatorService
  version: string
  dataDir: string
  keyProtection: 'file' | 'safe_storage'
  emitSettingsChanged: (origin: string) => void
  /** Every field a create (no id) or an update of `id` would refuse. */
  validateWebhook: (id: number | undefined, attributes: unknown) => FieldErrors
}

type Handler<N extends ProcedureName> = (input: ProcedureParsedInput<N>, ctx: CallContext) => ProcedureOutput<N> | Promise<ProcedureOutput<N>>
export type Handlers = { [N in ProcedureName]: Handler<N> }

/** Asking for secrets is an admin's request; a read token asking is refused, not quietly answered. */
function secretsAsked(asked: boolean | undefined, ctx: CallContext): boolean {
  if (asked !== true) return false
  if (ctx.role !== 'admin') throw new HooklabError('forbidden', 'A read token never sees secrets; include_secret needs an admin token')
  return true
}

/** One thin function per procedure: the logic lives in the services. Roles are checked before, from the procedure's row. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { webhooks, tokens, settings, topics, deliveries } = deps
  return {
    'app.info': (_input, ctx) => ({
      version: deps.version,
      data_dir: deps.dataDir,
      transport: ctx.transport.kind,
      admin_api_url: ctx.transport.admin_api_url,
      key_protection: deps.keyProtection,
    }),
    'webhooks.list': (input, ctx) => webhooks.list(input, viewerOf(ctx.role, false)),
    'webhooks.page': (input, ctx) => webhooks.page(input.dir, input.id, input.limit, viewerOf(ctx.role, secretsAsked(input.include_secret, ctx))),
    'webhooks.count': (input) => ({ count: webhooks.count(input.status) }),
    'webhooks.get': (input, ctx) => webhooks.get(input.id, viewerOf(ctx.role, secretsAsked(input.include_secret, ctx))),
    'webhooks.validate': (input) => ({ fields: { ...deps.validateWebhook(input.id, input.attributes) } }),
    'webhooks.create': (input, ctx) => {
      const created = webhooks.create(input, ctx.origin)
      // SPEC §8 "Ping": the UI asks on create; the Admin API only with "ping": true.
      if (input.ping === true && created.status === 'enabled') deliveries.enqueuePing(created.id)
      return created
    },
    'webhooks.update': (input, ctx) => webhooks.update(input.id, input, ctx.origin),
    'webhooks.delete': (input, ctx) => {
      webhooks.delete([input.id], ctx.origin)
      return {}
    },
    'webhooks.setStatus': (input, ctx) => ({ webhooks: webhooks.setStatus(input.ids, input.status, ctx.origin, viewerOf(ctx.role, false)) }),
    'webhooks.deleteMany': (input, ctx) => ({ deleted: webhooks.delete(input.ids, ctx.origin) }),
    'webhooks.ping': (input, ctx) => deliveries.ping(input.id, ctx.role),
    'webhooks.test': (input, ctx) => deliveries.test(input.id, input.topic, ctx.role),
    'events.fire': (input) => deliveries.fire(input),
    'bursts.start': (input) => deps.bursts.begin(input),
    'bursts.get': (input) => deps.bursts.get(input.id),
    'bursts.cancel': (input) => deps.bursts.cancel(input.id),
    'events.preview': (input) => deps.simulator.preview(input),
    'events.parseBody': (input) => deps.simulator.parseBody(input.format, input.body),
    'scenarios.list': () => deps.simulator.scenarios(),
    'templates.list': () => deps.simulator.templates(),
    'templates.save': (input) => deps.simulator.saveTemplate(input),
    'templates.delete': (input) => {
      deps.simulator.deleteTemplate(input.id)
      return {}
    },
    'deliveries.get': (input, ctx) => deliveries.get(input.id, ctx.role),
    'deliveries.page': (input) => {
      const { dir, id, limit, ...filter } = input
      return deliveries.page(filter, dir, id, limit)
    },
    'deliveries.count': (input) => ({ count: deliveries.count(input) }),
    'deliveries.retry': (input, ctx) => deliveries.retry(input.id, ctx.role),
    'deliveries.cancel': (input, ctx) => deliveries.cancel(input.id, ctx.role),
    'deliveries.replay': (input, ctx) => deps.replays.replay(input, ctx.role),
    'deliveries.curl': (input, ctx) => copyAsCurl(deps.curl, input, ctx.role),
    'replays.start': (input) => deps.replayJobs.begin(input),
    'replays.get': (input) => deps.replayJobs.get(input.id),
    'replays.cancel': (input) => deps.replayJobs.cancel(input.id),
    // Issue 9, being built: each answers 503 until its service lands.
    'log.exportToFile': (input, ctx) => deps.logFiles.exportToFile(input, ctx),
    'log.importFromFile': (input, ctx) => deps.logFiles.importFromFile(input.path, ctx),
    'log.storage': () => deps.log.storage(),
    'log.compact': () => deps.log.compact(),
    'log.stats': (input) => deps.log.stats(input),
    'topics.catalog': () => topics.catalog(),
    'topics.createCustom': (input, ctx) => topics.createCustom(input.profile, input.topic, ctx.origin, input.template ?? null),
    'topics.deleteCustom': (input, ctx) => {
      topics.deleteCustom(input.profile, input.topic, ctx.origin)
      return {}
    },
    'tokens.list': () => ({ tokens: tokens.list() }),
    'tokens.create': (input) => tokens.create(input.role, input.name),
    'tokens.delete': (input) => {
      tokens.delete(input.id)
      return {}
    },
    'settings.get': () => settings.get(),
    'settings.update': (input, ctx) => {
      const next = settings.update(input)
      deps.emitSettingsChanged(ctx.origin)
      return next
    },
  }
}
