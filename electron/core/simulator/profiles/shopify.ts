import { momentOf } from '../clock'
import { productOf } from '../model/catalog'
import { laterMs, orderOf } from '../model/order'
import { customerOf } from '../model/people'
import { streamFor } from '../rng'
import type { Generated, Generator, ProfileDefinition } from '../types'
import { fulfillmentJson, inventoryJson, refundJson, shopJson, transactionJson } from './commerce/events'
import { addressJson, customerJson, lineJson, orderJson, productJson, type OrderState } from './commerce/shapes'
import { SHOPIFY_STYLE as S } from './commerce/style'
import { pingPayload } from './common'

/** Shopify, in its own topic names (`orders/updated`) and shapes (`created_at`, "12.50"). */
const ORDER_STATES: Record<string, (at: number, lines: number) => OrderState> = {
  create: (at) => ({ atMs: at }),
  updated: (at) => ({ atMs: at, extra: { tags: 'reviewed' } }),
  cancelled: (at) => ({ atMs: at, status: 'cancelled', financial: 'voided' }),
  fulfilled: (at, n) => ({ atMs: at, financial: 'paid', fulfillment: 'fulfilled', fulfilledLines: n }),
  partially_fulfilled: (at) => ({ atMs: at, financial: 'paid', fulfillment: 'partial', fulfilledLines: 1 }),
  paid: (at) => ({ atMs: at, financial: 'paid' }),
}

const deleted = (root: string, id: number): Generated => ({ root, data: { id } })

const generators: Record<string, Generator> = {
  ping: (ctx) => pingPayload(ctx, S.time),
  'app/uninstalled': (ctx) => ({ root: 'shop', data: shopJson(S, ctx.seed) }),
  'orders/delete': (ctx) => deleted('order', orderOf(ctx.seed, 'en').id),
  'orders/edited': (ctx) => {
    const o = orderOf(ctx.seed, 'en')
    const at = laterMs(ctx.seed, ctx.topic, o.createdMs)
    return {
      root: 'order_edit',
      data: {
        order_edit: {
          id: o.id * 4,
          app_id: null,
          created_at: S.time(at),
          notify_customer: false,
          order_id: o.id,
          staff_note: '',
          user_id: null,
          line_items: { additions: [], removals: [{ id: o.lines[0].id, delta: 1 }] },
          discounts: { additions: [], removals: [] },
          shipping_lines: { additions: [], removals: [] },
        },
      },
    }
  },
  'order_transactions/create': (ctx) => {
    const o = orderOf(ctx.seed, 'en')
    return { root: 'transaction', data: transactionJson(o, S, laterMs(ctx.seed, 'paid', o.createdMs)) }
  },
  'products/delete': (ctx) => deleted('product', productOf(ctx.seed, 'en').id),
  'customers/delete': (ctx) => deleted('customer', customerOf(ctx.seed, 'en').id),
  'refunds/create': (ctx) => {
    const o = orderOf(ctx.seed, 'en')
    return { root: 'refund', data: refundJson(o, S, laterMs(ctx.seed, ctx.topic, o.createdMs), ctx.topic) }
  },
  'inventory_levels/update': (ctx) => ({ root: 'inventory_level', data: inventoryJson(ctx.seed, S, momentOf(ctx.seed)) }),
  'inventory_levels/connect': (ctx) => ({ root: 'inventory_level', data: inventoryJson(ctx.seed, S, momentOf(ctx.seed)) }),
  'inventory_levels/disconnect': (ctx) => ({ root: 'inventory_level', data: inventoryJson(ctx.seed, S, momentOf(ctx.seed), false) }),
  'checkouts/delete': (ctx) => deleted('checkout', orderOf(ctx.seed, 'en').id * 4 + 1),
}

for (const verb of Object.keys(ORDER_STATES)) {
  generators[`orders/${verb}`] = (ctx) => {
    const o = orderOf(ctx.seed, 'en')
    const at = verb === 'create' ? o.createdMs : laterMs(ctx.seed, ctx.topic, o.createdMs)
    const state = ORDER_STATES[verb](at, o.lines.length)
    const data = orderJson(o, S, state)
    data.fulfillments = state.fulfillment ? [fulfillmentJson(o, S, at, state.fulfilledLines)] : []
    data.refunds = []
    return { root: 'order', data }
  }
}
for (const verb of ['create', 'update']) {
  generators[`products/${verb}`] = (ctx) => {
    const p = productOf(ctx.seed, 'en')
    return { root: 'product', data: productJson(p, S, verb === 'create' ? p.createdMs : laterMs(ctx.seed, ctx.topic, p.createdMs)) }
  }
  generators[`fulfillments/${verb}`] = (ctx) => {
    const o = orderOf(ctx.seed, 'en')
    const at = laterMs(ctx.seed, 'orders/fulfilled', o.createdMs)
    return { root: 'fulfillment', data: fulfillmentJson(o, S, verb === 'create' ? at : laterMs(ctx.seed, ctx.topic, at)) }
  }
  generators[`checkouts/${verb}`] = (ctx) => {
    // The checkout that became the order of this seed: same cart, same customer.
    const o = orderOf(ctx.seed, 'en')
    const started = o.createdMs - streamFor(ctx.seed, 'checkout').int(60, 1800) * 1000
    return {
      root: 'checkout',
      data: {
        id: o.id * 4 + 1,
        token: o.token,
        cart_token: streamFor(ctx.seed, 'cart').hex(32),
        email: o.customer.email,
        created_at: S.time(started),
        updated_at: S.time(verb === 'create' ? started : o.createdMs),
        completed_at: null,
        currency: o.currency,
        presentment_currency: o.currency,
        gateway: null,
        line_items: o.lines.map((l) => lineJson(l, S)),
        subtotal_price: S.money(o.subtotal),
        total_discounts: S.money(o.discountTotal),
        total_line_items_price: S.money(o.lineItemsTotal),
        total_tax: S.money(o.tax),
        total_price: S.money(o.total),
        abandoned_checkout_url: `https://hooklab-demo.myshopify.com/checkouts/${o.token}/recover`,
        billing_address: addressJson(o.billing, S),
        shipping_address: addressJson(o.shipping, S),
        customer: customerJson(o.customer, S),
      },
    }
  }
}
for (const verb of ['create', 'update', 'enable', 'disable']) {
  generators[`customers/${verb}`] = (ctx) => {
    const c = customerOf(ctx.seed, 'en')
    const modifiedMs = verb === 'create' ? c.createdMs : laterMs(ctx.seed, ctx.topic, c.createdMs)
    return { root: 'customer', data: customerJson(c, S, { modifiedMs, state: verb === 'disable' ? 'disabled' : 'enabled' }) }
  }
}

export const SHOPIFY_API_VERSION = '2025-07'

export const shopify: ProfileDefinition = {
  generators,
  headers(topic, ctx) {
    return {
      'X-Shopify-Topic': topic,
      'X-Shopify-Shop-Domain': 'hooklab-demo.myshopify.com',
      'X-Shopify-API-Version': SHOPIFY_API_VERSION,
      'X-Shopify-Triggered-At': new Date(ctx.nowMs).toISOString(),
      // An event's id (not the delivery's): Shopify sends a UUID, the same for every webhook.
      'X-Shopify-Event-Id': eventUuid(ctx.eventId),
      'User-Agent': 'Shopify-Captain-Hook',
    }
  },
}

function eventUuid(eventId: number): string {
  return streamFor(eventId >>> 0, `shopify-event:${Math.floor(eventId / 4294967296)}`).uuid()
}

