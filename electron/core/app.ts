import { randomBytes as nodeRandomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import {
  fieldsFromZod,
  HooklabError,
  invalidInput,
  isProcedureName,
  procedures,
  type CallContext,
  type PushedEventName,
  type PushedEventPayload,
} from './contract'
import { readAdminToken } from './data-dir/admin-token'
import { assertAllowed, createHandlers } from './handlers'
import { loadDataKey } from './secrets/data-key'
import { SecretBox } from './secrets/secret-box'
import { jsonSettingsStore } from './settings/json-settings'
import { SettingsService } from './settings/service'
import { openDatabase } from './store/database'
import { WebhooksRepo } from './store/webhooks-repo'
import { TokenService } from './tokens/service'
import { systemClock, type Core, type CoreOptions, type PushListener } from './types'
import { WebhookService } from './webhooks/service'

export const DATABASE_FILE = 'hooklab.db'

export interface FullCore extends Core {
  readonly webhooks: WebhookService
  readonly tokens: TokenService
  readonly settings: SettingsService
}

/** Wiring only: opens the data directory and connects the services to the contract. */
export function createCore(options: CoreOptions): FullCore {
  const { dataDir } = options
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const clock = options.clock ?? systemClock
  const randomBytes = options.randomBytes ?? nodeRandomBytes
  const dataKey = loadDataKey(dataDir, options.keyWrapper)
  const box = new SecretBox(dataKey.key)
  const db = openDatabase(join(dataDir, DATABASE_FILE), { nativeBinding: options.nativeBinding })

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

  let adminApiUrl: string | null = null
  const webhooks = new WebhookService({
    repo: new WebhooksRepo(db),
    box,
    clock,
    randomBytes,
    emit: (payload) => emit('webhooks.changed', payload),
    transaction: (fn) => db.transaction(fn)(),
  })
  // Read once it exists: the owner writes it at start and it does not change while it runs.
  let adminToken: string | null = null
  const tokens = new TokenService(db, clock, () => (adminToken ??= readAdminToken(dataDir)), randomBytes)
  const settings = new SettingsService(options.settings ?? jsonSettingsStore(dataDir))
  const handlers = createHandlers({
    webhooks,
    tokens,
    settings,
    info: () => ({
      version: options.version ?? '0.0.0',
      data_dir: dataDir,
      transport: options.transport,
      admin_api_url: adminApiUrl,
      key_protection: dataKey.protection === 'safe_storage' ? 'safe_storage' : 'file',
    }),
    emitSettingsChanged: (origin) => emit('settings.changed', { origin }),
  })

  return {
    dataDir,
    webhooks,
    tokens,
    settings,
    async invoke(name: string, input: unknown, ctx: CallContext) {
      if (!isProcedureName(name)) throw new HooklabError('unknown_procedure', `Unknown procedure: ${String(name).slice(0, 100)}`)
      assertAllowed(name, ctx)
      const procedure = procedures[name]
      const parsed = procedure.input.safeParse(input ?? {})
      if (!parsed.success) throw invalidInput(fieldsFromZod(parsed.error, input))
      const handler = handlers[name] as (input: unknown, ctx: CallContext) => unknown
      const output = await handler(parsed.data, ctx)
      // The output schema is the contract's promise to the UI; breaking it is our bug, not the caller's.
      const checked = procedure.output.safeParse(output)
      if (!checked.success) throw new HooklabError('internal', `Procedure ${name} broke its output schema: ${checked.error.message}`)
      return checked.data
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    setAdminApiUrl(url) {
      adminApiUrl = url
    },
    close() {
      listeners.clear()
      if (db.open) db.close()
    },
  }
}
