import type { Profile } from '../contract/profiles'
import { HooklabError } from '../contract/errors'
import { github, githubActions } from './profiles/github'
import { sapo } from './profiles/sapo'
import { shopify } from './profiles/shopify'
import { standard } from './profiles/standard'
import { stripe } from './profiles/stripe'
import { woocommerce } from './profiles/woocommerce'
import { renderBody as render, type Format } from './render'
import { isCatalogTopic, TOPICS } from './topics'
import type { Generated, HeaderContext, ProfileDefinition } from './types'

/**
 * The payload side of the simulator: seeded, provider-shaped payloads, their renderings and
 * the provider's identifying headers. The delivery engine calls this; nothing here touches
 * the database, the clock or the network. Same (profile, topic, seed, action) ⇒ same bytes.
 */
export type { Generated } from './types'
export type { Format } from './render'
export { fillTemplate } from './template'
export { parseRailsXml } from './render/parse-xml'
export { githubActions }

export interface GenerateOptions {
  profile: Profile
  topic: string
  /** uint32; same (profile, topic, seed, action) ⇒ byte-identical JSON, timestamps included. */
  seed: number
  /** GitHub's action (`opened`, `created` …); each event has a default. */
  action?: string
  /** The webhook a ping is about. */
  webhookId?: number
}

const PROFILES: Record<Profile, ProfileDefinition> = { sapo, shopify, woocommerce, github, stripe, standard }

/** Whether the simulator can generate `topic` for `profile` (custom topics use templates instead). */
export function canGenerate(profile: Profile, topic: string): boolean {
  const def = PROFILES[profile]
  return Object.hasOwn(def.generators, topic) || (def.fallback !== undefined && isCatalogTopic(profile, topic))
}

export function generatePayload(opts: GenerateOptions): Generated {
  const def = PROFILES[opts.profile]
  if (!def) throw new HooklabError('invalid_input', `Unknown profile ${String(opts.profile)}`, { profile: ['invalid'] })
  if (!Number.isInteger(opts.seed) || opts.seed < 0 || opts.seed > 0xffffffff) {
    throw new HooklabError('invalid_input', 'seed must be an integer from 0 to 4294967295', { seed: ['out_of_range'] })
  }
  const ctx = { profile: opts.profile, topic: opts.topic, seed: opts.seed, action: opts.action, webhookId: opts.webhookId ?? 0 }
  // Own properties only: a topic named `constructor` or `__proto__` is just unknown.
  const generator = Object.hasOwn(def.generators, opts.topic) ? def.generators[opts.topic] : undefined
  const generated = generator ? generator(ctx) : isCatalogTopic(opts.profile, opts.topic) ? def.fallback?.(ctx) : undefined
  if (!generated) {
    throw new HooklabError('invalid_input', `The ${opts.profile} profile has no topic ${opts.topic}`, { topic: ['unknown_topic'] })
  }
  return generated
}

/** Body and Content-Type in a webhook's format; see render/index.ts for WooCommerce's ping. */
export function renderBody(generated: Generated, format: Format): { body: string; contentType: string } {
  return render(generated, format)
}

/**
 * The provider's identifying headers for one delivery of an event (topic, shop, API version,
 * user agent …). Never a signature or a delivery id: the signing style adds those.
 */
export function identifyingHeaders(profile: Profile, topic: string, ctx: HeaderContext): Record<string, string> {
  return PROFILES[profile].headers(topic, ctx)
}

/** A uint32 seed from a random source (the engine's injected one), stored on the event. */
export function seedFrom(random: () => number): number {
  return Math.floor(random() * 4294967296) >>> 0
}

/** Every catalog topic of every profile: what the tests and the bench walk. */
export function catalogTopics(profile: Profile): readonly string[] {
  return TOPICS[profile]
}
