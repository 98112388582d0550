import type { Profile } from '../contract/profiles'

/**
 * The topic catalogue per provider profile (SPEC §4 and §8 "Topics, exactly"), as each
 * provider names them. Data only: payload generators are keyed by these names. Custom
 * topics a user stores are added on top by core/topics.
 */
const crud = (resource: string, actions: string[]) => actions.map((a) => `${resource}/${a}`)
const dotted = (resource: string, actions: string[]) => actions.map((a) => `${resource}.${a}`)

const SAPO = [
  'ping',
  'app/installed',
  ...crud('products', ['create', 'update', 'delete']),
  ...crud('orders', [
    'create', 'update', 'cancelled', 'delete', 'active', 'finalized', 'invoiced',
    'partial_invoiced', 'fulfilled', 'partial_fulfilled', 'paid', 'partial_paid',
  ]),
  'order_transactions/create',
  ...crud('customers', ['create', 'update', 'delete']),
  ...crud('suppliers', ['create', 'update', 'delete']),
  ...crud('order_returns', ['create', 'update', 'cancelled', 'returned', 'partial_refund', 'refund']),
  'inventories/update',
]

const SHOPIFY = [
  'ping',
  'app/uninstalled',
  ...crud('orders', ['create', 'updated', 'cancelled', 'delete', 'fulfilled', 'paid', 'partially_fulfilled', 'edited']),
  'order_transactions/create',
  ...crud('products', ['create', 'update', 'delete']),
  ...crud('customers', ['create', 'update', 'delete', 'enable', 'disable']),
  ...crud('fulfillments', ['create', 'update']),
  'refunds/create',
  ...crud('inventory_levels', ['update', 'connect', 'disconnect']),
  ...crud('checkouts', ['create', 'update', 'delete']),
]

const WOO_CRUD = ['created', 'updated', 'deleted', 'restored']
const WOOCOMMERCE = [
  'ping',
  ...dotted('order', WOO_CRUD),
  ...dotted('product', WOO_CRUD),
  ...dotted('coupon', WOO_CRUD),
  ...dotted('customer', ['created', 'updated', 'deleted']),
  'action.woocommerce_add_to_cart',
]

const GITHUB = [
  'ping', 'push', 'pull_request', 'pull_request_review', 'issues', 'issue_comment', 'create', 'delete',
  'release', 'fork', 'star', 'watch', 'workflow_run', 'workflow_job', 'check_run', 'check_suite',
  'deployment', 'deployment_status', 'repository', 'member', 'label',
]

const STRIPE = [
  'ping',
  'payment_intent.created', 'payment_intent.succeeded', 'payment_intent.payment_failed',
  'payment_intent.canceled', 'charge.succeeded', 'charge.failed', 'charge.refunded',
  'charge.dispute.created', 'customer.created', 'customer.updated', 'customer.deleted',
  'customer.subscription.created', 'customer.subscription.updated', 'customer.subscription.deleted',
  'invoice.created', 'invoice.paid', 'invoice.payment_failed', 'checkout.session.completed',
  'checkout.session.expired', 'product.created', 'price.created',
]

export const TOPICS: Record<Profile, readonly string[]> = {
  sapo: SAPO,
  shopify: SHOPIFY,
  woocommerce: WOOCOMMERCE,
  github: GITHUB,
  stripe: STRIPE,
  // Standard Webhooks has no catalog: its event types are the user's own (`invoice.paid`).
  standard: ['ping'],
}

/** WooCommerce lets a store hook any action: `action.<hook name>`. */
const WOO_ACTION = /^action\.[a-z0-9_]{1,100}$/
/** A Standard Webhooks event type: dotted or slashed words, as Svix's examples name them. */
const STANDARD_TYPE = /^[A-Za-z0-9_-]+([./:][A-Za-z0-9_-]+)*$/

/** Whether the provider itself could send `topic` (custom topics are checked by core/topics). */
export function isCatalogTopic(profile: Profile, topic: string): boolean {
  if (TOPICS[profile].includes(topic)) return true
  if (profile === 'woocommerce') return WOO_ACTION.test(topic)
  if (profile === 'standard') return STANDARD_TYPE.test(topic)
  return false
}
