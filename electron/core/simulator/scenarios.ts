import type { Profile } from '../contract/profiles'
import type { Scenario } from '../contract/simulator-schemas'

/**
 * Named sequences a real store produces (issue 7 item 5). Each step is fired with the same
 * seed, so the simulator's seeded references make every step speak of the same order,
 * customer or product.
 */
const SCENARIOS: Record<string, Partial<Record<Profile, string[]>>> = {
  order_lifecycle: {
    sapo: ['orders/create', 'orders/paid', 'orders/fulfilled', 'order_returns/create', 'order_returns/refund'],
    shopify: ['orders/create', 'orders/paid', 'orders/fulfilled', 'refunds/create'],
    woocommerce: ['order.created', 'order.updated', 'order.deleted', 'order.restored'],
  },
  customer_churn: {
    sapo: ['customers/create', 'orders/create', 'orders/cancelled', 'customers/update', 'customers/delete'],
    shopify: ['customers/create', 'orders/create', 'orders/cancelled', 'customers/disable', 'customers/delete'],
    woocommerce: ['customer.created', 'order.created', 'customer.updated', 'customer.deleted'],
  },
  stock_running_out: {
    sapo: ['products/create', 'inventories/update', 'inventories/update', 'inventories/update', 'products/update'],
    shopify: ['products/create', 'inventory_levels/update', 'inventory_levels/update', 'products/update'],
    woocommerce: ['product.created', 'product.updated', 'product.updated', 'product.deleted'],
  },
}

export function scenarios(): Scenario[] {
  return Object.entries(SCENARIOS).flatMap(([id, byProfile]) => Object.entries(byProfile).map(([profile, steps]) => ({ id, profile: profile as Profile, steps: steps! })))
}
