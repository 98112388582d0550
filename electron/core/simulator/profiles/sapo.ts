import { momentOf } from '../clock'
import { customerOf } from '../model/people'
import { productOf } from '../model/catalog'
import { laterMs, orderOf } from '../model/order'
import type { Generated, GenContext, Generator, ProfileDefinition } from '../types'
import { fulfillmentJson, inventoryJson, orderReturnJson, shopJson, transactionJson } from './commerce/events'
import { customerJson, orderJson, productJson, type OrderState } from './commerce/shapes'
import { SAPO_STYLE as S } from './commerce/style'
import { pingPayload } from './common'
import { supplierJson } from './sapo-suppliers'

/**
 * Sapo (the default profile, SPEC §4): Shopify's shapes in Sapo's naming (`created_on`,
 * `modified_on`), whole-VND amounts, Vietnamese people and places, times at +07:00.
 * Every topic about an order rebuilds the order of its seed, so orders/create and
 * orders/paid with one seed describe one order.
 */
type StateOf = (ctx: GenContext, atMs: number, lines: number) => OrderState

const ORDER_STATES: Record<string, StateOf> = {
  create: (_c, at) => ({ atMs: at }),
  update: (_c, at) => ({ atMs: at, extra: { tags: 'đã gọi xác nhận' } }),
  cancelled: (_c, at) => ({ atMs: at, status: 'cancelled', financial: 'voided' }),
  active: (_c, at) => ({ atMs: at, status: 'open' }),
  finalized: (_c, at) => ({ atMs: at, extra: { confirmed_status: 'confirmed', confirmed_on: S.time(at) } }),
  invoiced: (_c, at) => ({ atMs: at, financial: 'paid', extra: { confirmed_status: 'confirmed', invoiced_status: 'invoiced' } }),
  partial_invoiced: (_c, at) => ({ atMs: at, financial: 'partially_paid', extra: { confirmed_status: 'confirmed', invoiced_status: 'partial' } }),
  fulfilled: (_c, at, n) => ({ atMs: at, financial: 'paid', fulfillment: 'fulfilled', fulfilledLines: n }),
  partial_fulfilled: (_c, at) => ({ atMs: at, financial: 'paid', fulfillment: 'partial', fulfilledLines: 1 }),
  paid: (_c, at) => ({ atMs: at, financial: 'paid' }),
  partial_paid: (_c, at) => ({ atMs: at, financial: 'partially_paid' }),
}

function orderTopic(verb: string): Generator {
  return (ctx) => {
    const o = orderOf(ctx.seed, 'vi')
    const at = verb === 'create' ? o.createdMs : laterMs(ctx.seed, ctx.topic, o.createdMs)
    const state = ORDER_STATES[verb](ctx, at, o.lines.length)
    const data = orderJson(o, S, state)
    if (state.fulfillment) {
      data.fulfillments = [fulfillmentJson(o, S, at, state.fulfilledLines)]
    }
    return { root: 'order', data }
  }
}

const deleted = (root: string, id: number): Generated => ({ root, data: { id } })

const generators: Record<string, Generator> = {
  ping: (ctx) => pingPayload(ctx, S.time),
  'app/installed': (ctx) => ({ root: 'shop', data: shopJson(S, ctx.seed) }),
  'order_transactions/create': (ctx) => {
    const o = orderOf(ctx.seed, 'vi')
    return { root: 'transaction', data: transactionJson(o, S, laterMs(ctx.seed, 'paid', o.createdMs)) }
  },
  'orders/delete': (ctx) => deleted('order', orderOf(ctx.seed, 'vi').id),
  'products/delete': (ctx) => deleted('product', productOf(ctx.seed, 'vi').id),
  'customers/delete': (ctx) => deleted('customer', customerOf(ctx.seed, 'vi').id),
  'suppliers/delete': (ctx) => deleted('supplier', supplierJson(ctx.seed, S, momentOf(ctx.seed)).id as number),
  'inventories/update': (ctx) => ({ root: 'inventory', data: inventoryJson(ctx.seed, S, momentOf(ctx.seed)) }),
}
for (const verb of Object.keys(ORDER_STATES)) generators[`orders/${verb}`] = orderTopic(verb)
for (const verb of ['create', 'update']) {
  generators[`products/${verb}`] = (ctx) => {
    const p = productOf(ctx.seed, 'vi')
    return { root: 'product', data: productJson(p, S, verb === 'create' ? p.createdMs : laterMs(ctx.seed, ctx.topic, p.createdMs)) }
  }
  generators[`customers/${verb}`] = (ctx) => {
    const c = customerOf(ctx.seed, 'vi')
    return { root: 'customer', data: customerJson(c, S, { modifiedMs: verb === 'create' ? c.createdMs : laterMs(ctx.seed, ctx.topic, c.createdMs) }) }
  }
  generators[`suppliers/${verb}`] = (ctx) => {
    const created = momentOf(ctx.seed)
    return { root: 'supplier', data: supplierJson(ctx.seed, S, verb === 'create' ? created : laterMs(ctx.seed, ctx.topic, created)) }
  }
}
for (const verb of ['create', 'update', 'cancelled', 'returned', 'partial_refund', 'refund']) {
  generators[`order_returns/${verb}`] = (ctx) => {
    const o = orderOf(ctx.seed, 'vi')
    // The return opens a while after the order; later steps of the same return follow it.
    const opened = laterMs(ctx.seed, 'order_returns/create', o.createdMs)
    const at = verb === 'create' ? opened : laterMs(ctx.seed, ctx.topic, opened)
    return { root: 'order_return', data: orderReturnJson(o, S, opened, at, ctx.topic) }
  }
}

export const sapo: ProfileDefinition = {
  generators,
  headers(topic) {
    return {
      'X-Sapo-Topic': topic,
      'X-Sapo-Shop-Domain': 'hooklab-demo.mysapo.net',
      'User-Agent': 'Sapo-Webhooks/1.0',
    }
  },
}

