import { HooklabError, PROFILES, TOPICS, groupByResource, type CallContext, type ProcedureName, type ProcedureOutput, type ProcedureParsedInput } from './contract'
import type { AppInfo } from './contract/other-schemas'
import type { SettingsService } from './settings/service'
import type { TokenService } from './tokens/service'
import type { WebhookService } from './webhooks/service'

export interface HandlerDeps {
  webhooks: WebhookService
  tokens: TokenService
  settings: SettingsService
  info: () => AppInfo
  emitSettingsChanged: (origin: string) => void
}

type Handler<N extends ProcedureName> = (input: ProcedureParsedInput<N>, ctx: CallContext) => ProcedureOutput<N> | Promise<ProcedureOutput<N>>
export type Handlers = { [N in ProcedureName]: Handler<N> }

/** Procedures that only read; every other one needs the admin role. */
export const READ_ONLY: ReadonlySet<ProcedureName> = new Set(['app.info', 'webhooks.list', 'webhooks.get', 'topics.catalog', 'settings.get'])

/** One thin function per procedure: the logic lives in the services. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { webhooks, tokens, settings } = deps
  return {
    'app.info': () => deps.info(),
    'webhooks.list': (input) => webhooks.list(input),
    'webhooks.get': (input, ctx) => webhooks.get(input.id, input.include_secret === true && ctx.role === 'admin'),
    'webhooks.create': (input, ctx) => webhooks.create(input, ctx.origin),
    'webhooks.update': (input, ctx) => webhooks.update(input.id, input, ctx.origin),
    'webhooks.delete': (input, ctx) => {
      webhooks.delete([input.id], ctx.origin)
      return {}
    },
    'webhooks.setStatus': (input, ctx) => ({ webhooks: webhooks.setStatus(input.ids, input.status, ctx.origin) }),
    'webhooks.deleteMany': (input, ctx) => ({ deleted: webhooks.delete(input.ids, ctx.origin) }),
    'topics.catalog': () => ({ profiles: PROFILES.map((profile) => ({ profile, groups: groupByResource(TOPICS[profile]) })) }),
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

export function assertAllowed(name: ProcedureName, ctx: CallContext): void {
  if (ctx.role !== 'admin' && !READ_ONLY.has(name)) throw new HooklabError('forbidden', `A read token cannot call ${name}`)
}
