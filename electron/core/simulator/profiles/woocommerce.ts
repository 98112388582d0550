import { momentOf } from '../clock'
import { productOf } from '../model/catalog'
import { laterMs, orderOf } from '../model/order'
import { customerOf } from '../model/people'
import type { Generator, ProfileDefinition } from '../types'
import { COUPON_BASE, STORE, wooCoupon, wooCustomer, wooOrder, wooProduct, WOO_VERSION, WP_VERSION } from './woo/shapes'

/**
 * WooCommerce (seed 004): `<resource>.<event>` topics with REST v3 bodies. A `deleted`
 * event carries only `{"id"}`, as WooCommerce's webhook payload does for deleted resources;
 * `action.<hook>` carries `{"action", "arg"}`; the ping is the form body `webhook_id=<id>`.
 */
const at = (ctx: { seed: number; topic: string }, createdMs: number, event: string) =>
  event === 'created' ? createdMs : laterMs(ctx.seed, ctx.topic, createdMs)

const ORDER_STATUS: Record<string, string> = { created: 'processing', updated: 'completed', restored: 'pending' }

const generators: Record<string, Generator> = {
  ping: (ctx) => ({ root: 'webhook', data: { webhook_id: ctx.webhookId }, encoding: 'form-fields' }),
}
for (const event of ['created', 'updated', 'deleted', 'restored']) {
  generators[`order.${event}`] = (ctx) => {
    const o = orderOf(ctx.seed, 'en')
    if (event === 'deleted') return { root: 'order', data: { id: o.id } }
    return { root: 'order', data: wooOrder(o, ORDER_STATUS[event], at(ctx, o.createdMs, event)) }
  }
  generators[`product.${event}`] = (ctx) => {
    const p = productOf(ctx.seed, 'en')
    if (event === 'deleted') return { root: 'product', data: { id: p.id } }
    return { root: 'product', data: wooProduct(p, event === 'restored' ? 'draft' : 'publish', at(ctx, p.createdMs, event)) }
  }
  generators[`coupon.${event}`] = (ctx) => {
    if (event === 'deleted') return { root: 'coupon', data: { id: COUPON_BASE + ctx.seed } }
    return { root: 'coupon', data: wooCoupon(ctx.seed, at(ctx, momentOf(ctx.seed), event)) }
  }
  if (event === 'restored') continue
  generators[`customer.${event}`] = (ctx) => {
    const c = customerOf(ctx.seed, 'en')
    if (event === 'deleted') return { root: 'customer', data: { id: c.id } }
    return { root: 'customer', data: wooCustomer(c, at(ctx, c.createdMs, event)) }
  }
}

/** `action.<hook>`: WooCommerce sends the hook's name and its first argument. */
const action: Generator = (ctx) => {
  const hook = ctx.topic.slice('action.'.length)
  // For the cart hooks the first argument is the cart item key (an md5); else an object id.
  const arg = /cart/.test(hook) ? orderOf(ctx.seed, 'en').token : orderOf(ctx.seed, 'en').id
  return { root: 'action', data: { action: hook, arg } }
}
generators['action.woocommerce_add_to_cart'] = action

export const woocommerce: ProfileDefinition = {
  generators,
  fallback: (ctx) => (/^action\.[a-z0-9_]{1,100}$/.test(ctx.topic) ? action(ctx) : undefined),
  headers(topic, ctx): Record<string, string> {
    const ua = `WooCommerce/${WOO_VERSION} Hookshot (WordPress/${WP_VERSION})`
    if (topic === 'ping') return { 'X-WC-Webhook-Source': `${STORE}/`, 'X-WC-Webhook-ID': String(ctx.webhookId), 'User-Agent': ua }
    const cut = topic.indexOf('.')
    return {
      'X-WC-Webhook-Source': `${STORE}/`,
      'X-WC-Webhook-Topic': topic,
      'X-WC-Webhook-Resource': topic.slice(0, cut),
      'X-WC-Webhook-Event': topic.slice(cut + 1),
      'X-WC-Webhook-ID': String(ctx.webhookId),
      'User-Agent': ua,
    }
  },
}
