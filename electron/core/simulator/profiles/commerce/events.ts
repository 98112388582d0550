import { momentOf } from '../../clock'
import { productOf } from '../../model/catalog'
import type { Order } from '../../model/order'
import { earlierSeed } from '../../model/people'
import { streamFor } from '../../rng'
import { lineJson } from './shapes'
import { gid, type Style } from './style'

type Json = Record<string, unknown>

/** A payment of the order (order_transactions/create; Shopify's orders/paid carries none). */
export function transactionJson(o: Order, s: Style, atMs: number, amount = o.total): Json {
  const out: Json = {
    id: o.id * 4 + 1,
    order_id: o.id,
    kind: 'sale',
    gateway: o.gateway,
    status: 'success',
    message: null,
    amount: s.money(amount),
    currency: o.currency,
    authorization: streamFor(o.seed, 'authorization').hex(12).toUpperCase(),
    parent_id: null,
    location_id: null,
    source_name: 'web',
    test: false,
    [s.created]: s.time(atMs),
    [`processed${s.at}`]: s.time(atMs),
  }
  if (s.shopify) out.admin_graphql_api_id = gid('OrderTransaction', o.id * 4 + 1)
  return out
}

const VI_CARRIERS = ['Giao hàng tiết kiệm', 'Giao hàng nhanh', 'Viettel Post']
const EN_CARRIERS = ['USPS', 'UPS', 'FedEx']

/** A shipment of the order's first `lines` lines. */
export function fulfillmentJson(o: Order, s: Style, atMs: number, lines = o.lines.length, status = 'success'): Json {
  const rng = streamFor(o.seed, 'fulfillment')
  const out: Json = {
    id: o.id * 4 + 2,
    order_id: o.id,
    status,
    name: `#${o.number}.1`,
    service: 'manual',
    tracking_company: rng.pick(s.shopify ? EN_CARRIERS : VI_CARRIERS),
    tracking_number: rng.chars(12, '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ'),
    shipment_status: null,
    [s.created]: s.time(atMs),
    [s.updated]: s.time(atMs),
    line_items: o.lines.slice(0, lines).map((l) => lineJson(l, s, 'fulfilled')),
  }
  if (s.shopify) out.admin_graphql_api_id = gid('Fulfillment', o.id * 4 + 2)
  return out
}

/** The lines a return / refund takes back: the first line, all or part of its quantity. */
export function returnedLines(o: Order, topic: string): Array<{ line: Order['lines'][number]; quantity: number }> {
  const line = o.lines[0]
  const quantity = topic.includes('partial') ? 1 : line.quantity
  return [{ line, quantity }]
}

/** Shopify's refund (refunds/create): amounts per refunded line plus the refund transaction. */
export function refundJson(o: Order, s: Style, atMs: number, topic: string): Json {
  const lines = returnedLines(o, topic)
  const amount = lines.reduce((sum, r) => sum + r.line.price * r.quantity, 0)
  return {
    id: o.id * 4 + 3,
    order_id: o.id,
    [s.created]: s.time(atMs),
    [`processed${s.at}`]: s.time(atMs),
    note: s.shopify ? 'Customer changed their mind' : 'Khách đổi ý',
    restock: true,
    user_id: null,
    refund_line_items: lines.map(({ line, quantity }) => ({
      id: line.id * 2,
      line_item_id: line.id,
      quantity,
      restock_type: 'return',
      location_id: 1,
      subtotal: s.money(line.price * quantity),
      total_tax: s.money(0),
      line_item: lineJson(line, s, 'fulfilled'),
    })),
    transactions: [{ ...transactionJson(o, s, atMs, amount), id: o.id * 4 + 3, kind: 'refund', parent_id: o.id * 4 + 1 }],
    order_adjustments: [],
  }
}

const RETURN_STATUS: Record<string, string> = {
  'order_returns/create': 'pending',
  'order_returns/update': 'pending',
  'order_returns/cancelled': 'cancelled',
  'order_returns/returned': 'returned',
  'order_returns/partial_refund': 'returned',
  'order_returns/refund': 'returned',
}

/** Sapo's order return (order_returns/*): which lines came back and what was refunded. */
export function orderReturnJson(o: Order, s: Style, createdMs: number, atMs: number, topic: string): Json {
  const lines = returnedLines(o, topic)
  const value = lines.reduce((sum, r) => sum + r.line.price * r.quantity, 0)
  const refunded = topic === 'order_returns/refund' ? value : topic === 'order_returns/partial_refund' ? Math.floor(value / 2000) * 1000 : 0
  return {
    id: o.id * 4 + 3,
    order_id: o.id,
    order_name: `#${o.number}`,
    code: `SRN${String(o.number).padStart(5, '0')}`,
    status: RETURN_STATUS[topic] ?? 'pending',
    refund_status: refunded === 0 ? 'unrefunded' : refunded < value ? 'partially_refunded' : 'refunded',
    note: 'Khách đổi ý',
    [s.created]: s.time(createdMs),
    [s.updated]: s.time(atMs),
    total_amount: s.money(value),
    refunded_amount: s.money(refunded),
    return_line_items: lines.map(({ line, quantity }) => ({
      id: line.id * 2,
      line_item_id: line.id,
      product_id: line.product.id,
      variant_id: line.variant.id,
      title: line.product.title,
      variant_title: line.variant.title,
      sku: line.variant.sku,
      quantity,
      price: s.money(line.price),
      subtotal: s.money(line.price * quantity),
    })),
  }
}

/**
 * A stock change of one variant (of an earlier product) at the main location: inventories/update,
 * inventory_levels/*. `seed` is the event's; the product it touches is an earlier seed's.
 */
export function inventoryJson(seed: number, s: Style, atMs: number, connected = true): Json {
  const rng = streamFor(seed, 'inventory')
  const product = productOf(earlierSeed(seed, 1), s.locale)
  const variant = rng.pick(product.variants)
  const out: Json = { inventory_item_id: variant.inventoryItemId, location_id: 1 + rng.int(0, 2) }
  if (!connected) return out
  if (!s.shopify) {
    out.variant_id = variant.id
    out.product_id = product.id
    out.sku = variant.sku
  }
  out.available = rng.int(0, 120)
  out[s.updated] = s.time(atMs + rng.int(0, 31) * 1000)
  if (s.shopify) out.admin_graphql_api_id = `gid://shopify/InventoryLevel/${out.location_id}?inventory_item_id=${variant.inventoryItemId}`
  return out
}

/** The demo shop (app/installed, app/uninstalled). */
export function shopJson(s: Style, seed: number): Json {
  const vi = !s.shopify
  return {
    id: 690933842,
    name: vi ? 'Cửa hàng Hooklab' : 'Hooklab Demo',
    email: vi ? 'chucuahang@hooklab-demo.vn' : 'owner@hooklab-demo.com',
    domain: vi ? 'hooklab-demo.mysapo.net' : 'hooklab-demo.myshopify.com',
    [vi ? 'sapo_domain' : 'myshopify_domain']: vi ? 'hooklab-demo.mysapo.net' : 'hooklab-demo.myshopify.com',
    country: vi ? 'VN' : 'US',
    currency: vi ? 'VND' : 'USD',
    timezone: vi ? '(GMT+07:00) Asia/Bangkok' : '(GMT-05:00) Eastern Time (US & Canada)',
    iana_timezone: vi ? 'Asia/Ho_Chi_Minh' : 'America/New_York',
    plan_name: vi ? 'pro' : 'basic',
    [s.created]: s.time(Date.UTC(2023, 5, 1)),
    [s.updated]: s.time(momentOf(seed)),
  }
}
