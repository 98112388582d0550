/**
 * The topic catalogue per provider profile (SPEC §4 and §8 "Topics, exactly").
 * Data only: the simulator issue adds payload generators keyed by these names.
 */
export const PROFILES = ['sapo', 'shopify', 'woocommerce', 'github', 'stripe'] as const
export type Profile = (typeof PROFILES)[number]

const crud = (resource: string, actions: string[]) => actions.map((a) => `${resource}/${a}`)
const dotted = (resource: string, actions: string[]) => actions.map((a) => `${resource}.${a}`)

const SAPO = [
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
  ...dotted('order', WOO_CRUD),
  ...dotted('product', WOO_CRUD),
  ...dotted('coupon', WOO_CRUD),
  ...dotted('customer', ['created', 'updated', 'deleted']),
  'action.woocommerce_add_to_cart',
]

const GITHUB = [
  'push', 'pull_request', 'pull_request_review', 'issues', 'issue_comment', 'create', 'delete',
  'release', 'fork', 'star', 'watch', 'workflow_run', 'workflow_job', 'check_run', 'check_suite',
  'deployment', 'deployment_status', 'repository', 'member', 'label',
]

const STRIPE = [
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
}

/** WooCommerce lets a store hook any action: `action.<hook name>`. */
const WOO_ACTION = /^action\.[a-z0-9_]{1,100}$/

export function isKnownTopic(profile: Profile, topic: string): boolean {
  if (TOPICS[profile].includes(topic)) return true
  return profile === 'woocommerce' && WOO_ACTION.test(topic)
}

/** The resource a topic belongs to, for grouping in the UI ("orders/create" → "orders"). */
export function resourceOf(topic: string): string {
  const cut = topic.search(/[/.]/)
  return cut === -1 ? topic : topic.slice(0, cut)
}

export function groupByResource(topics: readonly string[]): Array<{ resource: string; topics: string[] }> {
  const groups = new Map<string, string[]>()
  for (const topic of topics) {
    const resource = resourceOf(topic)
    const list = groups.get(resource) ?? []
    list.push(topic)
    groups.set(resource, list)
  }
  return [...groups].map(([resource, list]) => ({ resource, topics: list }))
}
