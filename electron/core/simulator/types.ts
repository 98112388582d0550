import type { Profile } from '../contract/profiles'

/** A generated payload: JSON data, and the root element its XML rendering uses. */
export interface Generated {
  data: Record<string, unknown>
  /** XML root element, e.g. `order` (Rails' `to_xml` names it for the resource). */
  root: string
  /**
   * `form-fields`: the provider always sends this payload as plain form fields, whatever the
   * webhook's format (WooCommerce's ping, `webhook_id=<id>`); renderBody honours it.
   */
  encoding?: 'form-fields'
}

/** What a topic's generator gets: everything that may shape the payload, nothing else. */
export interface GenContext {
  profile: Profile
  topic: string
  seed: number
  action?: string
  webhookId: number
}

export type Generator = (ctx: GenContext) => Generated

export interface HeaderContext {
  webhookId: number
  eventId: number
  nowMs: number
  action?: string
}

export interface ProfileDefinition {
  /** One generator per catalog topic. */
  generators: Readonly<Record<string, Generator>>
  /** Topics outside the fixed table that the provider still sends (`action.<hook>`, Standard types). */
  fallback?: (ctx: GenContext) => Generated | undefined
  /** The provider's identifying headers (never signatures or delivery ids). */
  headers(topic: string, ctx: HeaderContext): Record<string, string>
}
