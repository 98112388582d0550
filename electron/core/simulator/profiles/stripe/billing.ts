import { earlierSeed } from '../../model/people'
import { customerObject, priceObject, sid, createdOf, paymentParts } from './objects'

/** Subscriptions, invoices and Checkout Sessions of the seeded universe. */
type Json = Record<string, unknown>

const MONTH = 30 * 86400

export function subscription(seed: number, status: string): Json {
  const created = createdOf(seed)
  const price = priceObject(earlierSeed(seed, 1))
  const id = sid('sub', seed, 'subscription')
  return {
    id,
    object: 'subscription',
    billing_cycle_anchor: created,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: status === 'canceled' ? created + MONTH : null,
    collection_method: 'charge_automatically',
    created,
    currency: 'usd',
    customer: customerObject(earlierSeed(seed, 0)).id,
    default_payment_method: sid('pm', seed, 'method'),
    ended_at: status === 'canceled' ? created + MONTH : null,
    items: {
      object: 'list',
      data: [{ id: sid('si', seed, 'item', 14), object: 'subscription_item', created, current_period_end: created + MONTH, current_period_start: created, metadata: {}, price, quantity: 1, subscription: id }],
      has_more: false,
      total_count: 1,
      url: `/v1/subscription_items?subscription=${id}`,
    },
    latest_invoice: sid('in', seed, 'invoice'),
    livemode: false,
    metadata: {},
    start_date: created,
    status,
  }
}

export function invoice(seed: number, status: 'draft' | 'open' | 'paid'): Json {
  const created = createdOf(seed)
  const sub = subscription(seed, 'active')
  const item = (sub.items as { data: Array<{ price: { unit_amount: number } }> }).data[0]
  const amount = item.price.unit_amount
  const id = sid('in', seed, 'invoice')
  const customer = customerObject(earlierSeed(seed, 0))
  return {
    id,
    object: 'invoice',
    account_country: 'US',
    amount_due: amount,
    amount_paid: status === 'paid' ? amount : 0,
    amount_remaining: status === 'paid' ? 0 : amount,
    attempt_count: status === 'draft' ? 0 : 1,
    billing_reason: 'subscription_cycle',
    collection_method: 'charge_automatically',
    created,
    currency: 'usd',
    customer: customer.id,
    customer_email: customer.email,
    customer_name: customer.name,
    hosted_invoice_url: status === 'draft' ? null : `https://invoice.stripe.com/i/acct_1HookLabDemo/test_${sid('x', seed, 'hosted').slice(2)}`,
    lines: { object: 'list', data: [], has_more: false, total_count: 0, url: `/v1/invoices/${id}/lines` },
    livemode: false,
    metadata: {},
    number: status === 'draft' ? null : `${String(customer.invoice_prefix)}-0001`,
    period_end: created,
    period_start: created - MONTH,
    status,
    subtotal: amount,
    total: amount,
  }
}

export function checkoutSession(seed: number, status: 'complete' | 'expired'): Json {
  const p = paymentParts(seed)
  const c = p.customerObject
  const done = status === 'complete'
  return {
    id: `cs_test_${sid('x', seed, 'session', 58).slice(2)}`,
    object: 'checkout.session',
    amount_subtotal: p.amount,
    amount_total: p.amount,
    cancel_url: 'https://hooklab-demo.example/cart',
    created: p.created,
    currency: 'usd',
    customer: p.customer,
    customer_details: { address: c.address, email: c.email, name: c.name, phone: null, tax_exempt: 'none' },
    expires_at: p.created + 86400,
    livemode: false,
    metadata: {},
    mode: 'payment',
    payment_intent: done ? p.intent : null,
    payment_status: done ? 'paid' : 'unpaid',
    status,
    success_url: 'https://hooklab-demo.example/thanks',
    url: null,
  }
}
