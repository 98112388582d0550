import type { Receiver } from './receiver'
import type { Settings, Webhook, WebhookCreate, WebhookListInput, WebhookListOutput, WebhookPatch } from '../../../electron/core/contract'

/** One call of the contract, however the app is reached (HTTP for serve, the preload in Electron). */
export type Invoke = (name: string, input: unknown) => Promise<{ ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }>

/** Calls made "from elsewhere" carry this origin, so the UI treats them as another client's changes. */
export const API_ORIGIN = 'e2e'

/**
 * The contract, called directly: fast seeding and checks of what was really stored.
 * A user never does this; tests use it to set the scene and to prove what the UI saved.
 */
export class Api {
  /** `address` defaults to this receiver on 127.0.0.1: nothing ever leaves the machine. */
  constructor(
    private readonly invoke: Invoke,
    readonly receiver: Receiver,
  ) {}

  async call<T = unknown>(name: string, input: unknown = {}): Promise<T> {
    const result = await this.invoke(name, input)
    if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error)}`)
    return result.value as T
  }

  createWebhook(input: Partial<WebhookCreate> = {}): Promise<Webhook> {
    return this.call<Webhook>('webhooks.create', { address: this.receiver.url('/hooks/sapo'), topics: ['orders/create'], ...input })
  }

  /** `count` webhooks named "<prefix> 01".."<prefix> NN", created in that order. */
  async seedWebhooks(count: number, make: (i: number) => Partial<WebhookCreate> = () => ({}), prefix = 'Seeded'): Promise<Webhook[]> {
    const made: Webhook[] = []
    for (let i = 1; i <= count; i++) {
      const n = String(i).padStart(2, '0')
      const path = `/hooks/${prefix.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${n}`
      made.push(await this.createWebhook({ name: `${prefix} ${n}`, address: this.receiver.url(path), ...make(i) }))
    }
    return made
  }

  listWebhooks(input: WebhookListInput = {}): Promise<WebhookListOutput> {
    return this.call<WebhookListOutput>('webhooks.list', { page_size: 250, ...input })
  }

  async allWebhooks(): Promise<Webhook[]> {
    return (await this.listWebhooks()).webhooks
  }

  /** The one webhook with this exact name (tests name theirs uniquely; the store is shared). */
  async webhookNamed(name: string): Promise<Webhook> {
    const found = (await this.listWebhooks({ search: name })).webhooks.filter((w) => w.name === name)
    if (found.length !== 1) throw new Error(`expected one webhook named "${name}", found ${found.length}`)
    return found[0]
  }

  /** The one webhook with this exact address. */
  async webhookAt(address: string): Promise<Webhook> {
    const found = (await this.listWebhooks({ search: address })).webhooks.filter((w) => w.address === address)
    if (found.length !== 1) throw new Error(`expected one webhook at ${address}, found ${found.length}`)
    return found[0]
  }

  getWebhook(id: number): Promise<Webhook> {
    return this.call<Webhook>('webhooks.get', { id })
  }

  updateWebhook(id: number, patch: WebhookPatch): Promise<Webhook> {
    return this.call<Webhook>('webhooks.update', { ...patch, id })
  }

  setStatus(ids: number[], status: 'enabled' | 'disabled'): Promise<{ webhooks: Webhook[] }> {
    return this.call('webhooks.setStatus', { ids, status })
  }

  deleteWebhook(id: number): Promise<object> {
    return this.call('webhooks.delete', { id })
  }

  updateSettings(patch: Partial<Settings>): Promise<Settings> {
    return this.call<Settings>('settings.update', patch)
  }

  async tokens(): Promise<Array<{ id: number; role: string; name: string }>> {
    return (await this.call<{ tokens: Array<{ id: number; role: string; name: string }> }>('tokens.list', {})).tokens
  }
}

/** `POST {url}/rpc/<name>` with the data directory's admin token. */
export function httpInvoke(url: string, token: string): Invoke {
  return async (name, input) => {
    const response = await fetch(`${url}/rpc/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Hooklab-Access-Token': token, 'X-Hooklab-Client': API_ORIGIN },
      body: JSON.stringify(input ?? {}),
    })
    const text = await response.text()
    try {
      return JSON.parse(text)
    } catch {
      return { ok: false, error: { code: 'internal', message: `HTTP ${response.status}: ${text.slice(0, 200)}` } }
    }
  }
}
