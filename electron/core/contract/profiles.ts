/**
 * Provider profiles (SPEC §8 "One vocabulary"). The topic catalogs and payload
 * generators behind them live in core/simulator; the contract knows only the names.
 */
export const PROFILES = ['sapo', 'shopify', 'woocommerce', 'github', 'stripe', 'standard'] as const
export type Profile = (typeof PROFILES)[number]

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
