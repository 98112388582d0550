import { describe, expect, it } from 'vitest'
import { generatePayload } from '../../../electron/core/simulator'

type Line = { id: number; price: number | string; quantity: number; total_discount: number | string; product_id: number; variant_id: number }
type Order = Record<string, unknown> & { line_items: Line[] }
const num = (v: unknown) => Number(v)
const order = (profile: 'sapo' | 'shopify', topic: string, seed: number) => generatePayload({ profile, topic, seed }).data as Order
const SEEDS = [0, 1, 2, 99, 4095, 4096, 123_456, 987_654_321, 0xfffffffe, 0xffffffff]

describe('totals add up', () => {
  it.each(SEEDS)('Sapo and Shopify orders, seed %i', (seed) => {
    for (const [profile, topic] of [['sapo', 'orders/create'], ['shopify', 'orders/create'], ['sapo', 'orders/paid']] as const) {
      const o = order(profile, topic, seed)
      const lines = o.line_items.reduce((sum, l) => sum + num(l.price) * l.quantity, 0)
      const discounts = o.line_items.reduce((sum, l) => sum + num(l.total_discount), 0)
      const shipping = (o.shipping_lines as Array<{ price: unknown }>).reduce((sum, l) => sum + num(l.price), 0)
      expect(num(o.total_line_items_price)).toBeCloseTo(lines, 6)
      expect(num(o.total_discounts)).toBeCloseTo(discounts, 6)
      expect(num(o.subtotal_price)).toBeCloseTo(lines - discounts, 6)
      expect(num(o.total_price)).toBeCloseTo(num(o.subtotal_price) + num(o.total_tax) + shipping, 6)
    }
  })

  it.each(SEEDS)('WooCommerce orders, seed %i', (seed) => {
    const o = generatePayload({ profile: 'woocommerce', topic: 'order.created', seed }).data as Record<string, unknown> & { line_items: Array<{ subtotal: string; total: string }> }
    const totals = o.line_items.reduce((sum, l) => sum + num(l.total), 0)
    expect(num(o.total)).toBeCloseTo(totals + num(o.shipping_total) + num(o.total_tax), 6)
    const subtotals = o.line_items.reduce((sum, l) => sum + num(l.subtotal), 0)
    expect(subtotals - totals).toBeCloseTo(num(o.discount_total), 6)
  })

  it('Sapo amounts are whole VND, Shopify amounts are "0.00" strings', () => {
    const sapo = order('sapo', 'orders/create', 31337)
    expect(sapo.currency).toBe('VND')
    for (const key of ['total_price', 'subtotal_price', 'total_tax']) expect(Number.isInteger(sapo[key])).toBe(true)
    const shopify = order('shopify', 'orders/create', 31337)
    expect(shopify.total_price).toMatch(/^\d+\.\d\d$/)
  })
})

describe('references come from the seeded universe', () => {
  it.each(SEEDS)('orders/* of seed %i describe one order', (seed) => {
    const created = order('sapo', 'orders/create', seed)
    for (const topic of ['orders/paid', 'orders/fulfilled', 'orders/cancelled', 'orders/update']) {
      const later = order('sapo', topic, seed)
      expect(later.id).toBe(created.id)
      expect(later.line_items.map((l) => l.id)).toEqual(created.line_items.map((l) => l.id))
      expect(later.total_price).toBe(created.total_price)
      expect(Date.parse(String(later.modified_on))).toBeGreaterThan(Date.parse(String(created.created_on)))
    }
    const tx = generatePayload({ profile: 'sapo', topic: 'order_transactions/create', seed }).data
    expect(tx.order_id).toBe(created.id)
    expect(tx.amount).toBe(created.total_price)
    const ret = generatePayload({ profile: 'sapo', topic: 'order_returns/create', seed }).data as { order_id: number; return_line_items: Array<{ line_item_id: number }> }
    expect(ret.order_id).toBe(created.id)
    for (const l of ret.return_line_items) expect(created.line_items.map((x) => x.id)).toContain(l.line_item_id)
    const refund = generatePayload({ profile: 'shopify', topic: 'refunds/create', seed }).data as { order_id: number }
    expect(refund.order_id).toBe(order('shopify', 'orders/create', seed).id)
  })

  it("an order's customer and products are those of earlier seeds, created before it", () => {
    for (const seed of SEEDS) {
      const o = order('sapo', 'orders/create', seed)
      const customer = o.customer as { id: number; created_on: string }
      const customerSeed = customer.id - 5_000_000
      expect(customerSeed).toBeLessThanOrEqual(seed)
      const again = generatePayload({ profile: 'sapo', topic: 'customers/create', seed: customerSeed }).data
      expect(again.id).toBe(customer.id)
      expect(again.email).toBe((o.customer as { email: string }).email)
      expect(Date.parse(customer.created_on)).toBeLessThanOrEqual(Date.parse(String(o.created_on)))
      for (const line of o.line_items) {
        const product = generatePayload({ profile: 'sapo', topic: 'products/create', seed: line.product_id - 1_000_000 }).data as { id: number; variants: Array<{ id: number }> }
        expect(product.id).toBe(line.product_id)
        expect(product.variants.map((v) => v.id)).toContain(line.variant_id)
      }
    }
  })

  it('Stripe events about one payment name the same intent, charge and customer', () => {
    const intent = (generatePayload({ profile: 'stripe', topic: 'payment_intent.succeeded', seed: 500 }).data.data as { object: Record<string, unknown> }).object
    const charge = (generatePayload({ profile: 'stripe', topic: 'charge.succeeded', seed: 500 }).data.data as { object: Record<string, unknown> }).object
    expect(charge.payment_intent).toBe(intent.id)
    expect(intent.latest_charge).toBe(charge.id)
    expect(charge.customer).toBe(intent.customer)
    expect(charge.amount).toBe(intent.amount)
  })
})

describe('ids increase', () => {
  it('with the seed, and line items within an order', () => {
    let previous = -1
    for (const seed of SEEDS) {
      const o = order('sapo', 'orders/create', seed)
      expect(o.id as number).toBeGreaterThan(previous)
      previous = o.id as number
      const ids = o.line_items.map((l) => l.id)
      expect(ids).toEqual([...ids].sort((a, b) => a - b))
      expect(new Set(ids).size).toBe(ids.length)
    }
  })
})

describe('Vietnamese data for Sapo', () => {
  it('names, phones, addresses and times', () => {
    const o = order('sapo', 'orders/create', 4242)
    const address = o.shipping_address as Record<string, string>
    expect(address.phone).toMatch(/^0\d{9}$/)
    expect(address.country_code).toBe('VN')
    expect(address.district).toMatch(/^(Quận|Thành phố|Huyện)/)
    expect(address.ward).toBeTruthy()
    expect(String(o.created_on)).toMatch(/\+07:00$/)
    expect(o.line_items[0].price).toBeGreaterThanOrEqual(1000)
  })
})
