import { momentOf } from '../clock'
import type { Generated, GenContext } from '../types'

/** SPEC §8 Ping, for every profile but GitHub and WooCommerce: the webhook, a message, a time. */
export function pingPayload(ctx: GenContext, time: (ms: number) => string): Generated {
  return { root: 'ping', data: { webhook_id: ctx.webhookId, message: 'Hooklab ping', sent_on: time(momentOf(ctx.seed)) } }
}

/** `orders/paid` → `paid`: the verb of a slashed or dotted topic. */
export const verbOf = (topic: string): string => topic.slice(topic.search(/[/.]/) + 1)
