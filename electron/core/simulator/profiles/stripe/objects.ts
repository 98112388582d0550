import { momentOf, unixSeconds } from '../../clock'
import { orderOf } from '../../model/order'
import { customerOf, earlierSeed, fullName } from '../../model/people'
import { productOf } from '../../model/catalog'
import { streamFor } from '../../rng'

/**
 * Stripe API objects (https://docs.stripe.com/api), test mode. Ids are Stripe's prefix plus
 * characters drawn from a stream of the owning object's seed, so every event that names the
 * same customer, charge or intent names it with the same id.
 */
type Json = Record<string, unknown>

export const sid = (prefix: string, seed: number, kind: string, length = 24) => `${prefix}_${streamFor(seed, `stripe:${kind}`).chars(length)}`

export function customerObject(seed: number): Json {
  const c = customerOf(seed, 'en')
  const a = c.address
  return {
    id: sid('cus', seed, 'customer', 14),
    object: 'customer',
    address: { city: a.city, country: a.countryCode, line1: a.address1, line2: null, postal_code: a.zip, state: a.provinceCode },
    balance: 0,
    created: unixSeconds(c.createdMs),
    currency: 'usd',
    default_source: null,
    delinquent: false,
    description: null,
    email: c.email,
    invoice_prefix: streamFor(seed, 'stripe:prefix').chars(8, 'ABCDEF0123456789'),
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: false,
    metadata: {},
    name: fullName(c, 'en'),
    phone: c.phone,
    preferred_locales: [],
    shipping: null,
    tax_exempt: 'none',
    test_clock: null,
  }
}

/** One payment: the order of `seed` paid by card; intent, charge and dispute share it. */
export function paymentParts(seed: number) {
  const o = orderOf(seed, 'en')
  const customerSeed = earlierSeed(seed, 0)
  const last4 = String(streamFor(seed, 'stripe:card').int(0, 9999)).padStart(4, '0')
  return {
    amount: o.total,
    created: unixSeconds(o.createdMs),
    customer: sid('cus', customerSeed, 'customer', 14),
    customerObject: customerObject(customerSeed),
    intent: sid('pi', seed, 'intent'),
    charge: sid('ch', seed, 'charge'),
    method: sid('pm', seed, 'method'),
    description: `Order #${o.number}`,
    last4,
  }
}

export function paymentIntent(seed: number, status: string): Json {
  const p = paymentParts(seed)
  const succeeded = status === 'succeeded'
  return {
    id: p.intent,
    object: 'payment_intent',
    amount: p.amount,
    amount_capturable: 0,
    amount_received: succeeded ? p.amount : 0,
    canceled_at: status === 'canceled' ? p.created + 3600 : null,
    cancellation_reason: status === 'canceled' ? 'abandoned' : null,
    capture_method: 'automatic_async',
    client_secret: `${p.intent}_secret_${streamFor(seed, 'stripe:secret').chars(25)}`,
    confirmation_method: 'automatic',
    created: p.created,
    currency: 'usd',
    customer: p.customer,
    description: p.description,
    last_payment_error: status === 'requires_payment_method' ? { code: 'card_declined', decline_code: 'insufficient_funds', message: 'Your card has insufficient funds.', type: 'card_error' } : null,
    latest_charge: succeeded || status === 'requires_payment_method' ? p.charge : null,
    livemode: false,
    metadata: {},
    payment_method: status === 'requires_payment_method' ? null : p.method,
    payment_method_types: ['card'],
    receipt_email: null,
    status,
  }
}

export function charge(seed: number, status: 'succeeded' | 'failed', refunded = false): Json {
  const p = paymentParts(seed)
  const c = p.customerObject
  const ok = status === 'succeeded'
  return {
    id: p.charge,
    object: 'charge',
    amount: p.amount,
    amount_captured: ok ? p.amount : 0,
    amount_refunded: refunded ? p.amount : 0,
    balance_transaction: ok ? sid('txn', seed, 'txn') : null,
    billing_details: { address: c.address, email: c.email, name: c.name, phone: null },
    captured: ok,
    created: p.created,
    currency: 'usd',
    customer: p.customer,
    description: p.description,
    disputed: false,
    failure_code: ok ? null : 'card_declined',
    failure_message: ok ? null : 'Your card was declined.',
    livemode: false,
    metadata: {},
    outcome: ok
      ? { network_status: 'approved_by_network', reason: null, risk_level: 'normal', risk_score: 32, seller_message: 'Payment complete.', type: 'authorized' }
      : { network_status: 'declined_by_network', reason: 'generic_decline', risk_level: 'normal', risk_score: 40, seller_message: 'The bank did not return any further details with this decline.', type: 'issuer_declined' },
    paid: ok,
    payment_intent: p.intent,
    payment_method: p.method,
    payment_method_details: { card: { brand: 'visa', country: 'US', exp_month: 12, exp_year: 2030, funding: 'credit', last4: p.last4 }, type: 'card' },
    receipt_url: ok ? `https://pay.stripe.com/receipts/payment/${streamFor(seed, 'stripe:receipt').chars(40)}` : null,
    refunded,
    status,
  }
}

export function dispute(seed: number): Json {
  const p = paymentParts(seed)
  return {
    id: sid('dp', seed, 'dispute'),
    object: 'dispute',
    amount: p.amount,
    charge: p.charge,
    created: p.created + 86400 * 3,
    currency: 'usd',
    evidence_details: { due_by: p.created + 86400 * 24, has_evidence: false, past_due: false, submission_count: 0 },
    is_charge_refundable: false,
    livemode: false,
    metadata: {},
    payment_intent: p.intent,
    reason: 'fraudulent',
    status: 'needs_response',
  }
}

export function productObject(seed: number): Json {
  const p = productOf(seed, 'en')
  return {
    id: sid('prod', seed, 'product', 14),
    object: 'product',
    active: true,
    created: unixSeconds(p.createdMs),
    default_price: sid('price', seed, 'price'),
    description: `${p.title} by ${p.vendor}`,
    images: [],
    livemode: false,
    metadata: {},
    name: p.title,
    tax_code: null,
    updated: unixSeconds(p.createdMs),
    url: null,
  }
}

export function priceObject(seed: number, recurring = true): Json {
  const p = productOf(seed, 'en')
  const amount = p.variants[0].price
  return {
    id: sid('price', seed, 'price'),
    object: 'price',
    active: true,
    billing_scheme: 'per_unit',
    created: unixSeconds(p.createdMs),
    currency: 'usd',
    livemode: false,
    lookup_key: null,
    metadata: {},
    nickname: null,
    product: sid('prod', seed, 'product', 14),
    recurring: recurring ? { interval: 'month', interval_count: 1, usage_type: 'licensed' } : null,
    tax_behavior: 'unspecified',
    type: recurring ? 'recurring' : 'one_time',
    unit_amount: amount,
    unit_amount_decimal: String(amount),
  }
}

export const createdOf = (seed: number) => unixSeconds(momentOf(seed))
