import { isoUtc, momentOf, unixSeconds } from '../clock'
import { streamFor } from '../rng'
import type { Generated, GenContext, Generator, ProfileDefinition } from '../types'
import { pingPayload } from './common'
import { checkoutSession, invoice, subscription } from './stripe/billing'
import { charge, customerObject, dispute, paymentIntent, priceObject, productObject } from './stripe/objects'

/**
 * Stripe: every topic is an Event object wrapping the API object it is about
 * (`{"id":"evt_…","object":"event","type",…,"data":{"object":…}}`), as PROVIDERS.md says.
 */
export const STRIPE_API_VERSION = '2025-06-30.basil'

type ObjectOf = (seed: number) => Record<string, unknown>

const OBJECTS: Record<string, ObjectOf> = {
  'payment_intent.created': (s) => paymentIntent(s, 'requires_payment_method'),
  'payment_intent.succeeded': (s) => paymentIntent(s, 'succeeded'),
  'payment_intent.payment_failed': (s) => paymentIntent(s, 'requires_payment_method'),
  'payment_intent.canceled': (s) => paymentIntent(s, 'canceled'),
  'charge.succeeded': (s) => charge(s, 'succeeded'),
  'charge.failed': (s) => charge(s, 'failed'),
  'charge.refunded': (s) => charge(s, 'succeeded', true),
  'charge.dispute.created': (s) => dispute(s),
  'customer.created': (s) => customerObject(s),
  'customer.updated': (s) => customerObject(s),
  'customer.deleted': (s) => customerObject(s),
  'customer.subscription.created': (s) => subscription(s, 'active'),
  'customer.subscription.updated': (s) => subscription(s, 'active'),
  'customer.subscription.deleted': (s) => subscription(s, 'canceled'),
  'invoice.created': (s) => invoice(s, 'draft'),
  'invoice.paid': (s) => invoice(s, 'paid'),
  'invoice.payment_failed': (s) => invoice(s, 'open'),
  'checkout.session.completed': (s) => checkoutSession(s, 'complete'),
  'checkout.session.expired': (s) => checkoutSession(s, 'expired'),
  'product.created': (s) => productObject(s),
  'price.created': (s) => priceObject(s),
}

/** What an `*.updated` event says changed (Stripe's `data.previous_attributes`). */
const PREVIOUS: Record<string, Record<string, unknown>> = {
  'customer.updated': { description: null, phone: null },
  'customer.subscription.updated': { cancel_at_period_end: true },
}

function event(ctx: GenContext, object: Record<string, unknown>): Generated {
  const data: Record<string, unknown> = { object }
  if (PREVIOUS[ctx.topic]) data.previous_attributes = PREVIOUS[ctx.topic]
  return {
    root: 'event',
    data: {
      id: `evt_${streamFor(ctx.seed, `stripe:event:${ctx.topic}`).chars(24)}`,
      object: 'event',
      api_version: STRIPE_API_VERSION,
      created: unixSeconds(momentOf(ctx.seed)),
      data,
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type: ctx.topic,
    },
  }
}

const generators: Record<string, Generator> = { ping: (ctx) => pingPayload(ctx, isoUtc) }
for (const [topic, make] of Object.entries(OBJECTS)) {
  generators[topic] = (ctx) => event(ctx, make(ctx.seed))
}

export const stripe: ProfileDefinition = {
  generators,
  headers: () => ({ 'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)' }),
}

