/**
 * Display helpers for topic names; which topics exist is the core's business (topics.catalog).
 */

/** "orders/create" → "orders", "payment_intent.created" → "payment_intent", "push" → "push". */
export function resourceOf(topic: string): string {
  const cut = topic.search(/[/.]/)
  return cut === -1 ? topic : topic.slice(0, cut)
}

/** Topics grouped by resource, in first-seen order. */
export function groupTopics(topics: readonly string[]): Array<{ resource: string; topics: string[] }> {
  const groups = new Map<string, string[]>()
  for (const topic of topics) {
    const key = resourceOf(topic)
    const list = groups.get(key)
    if (list) list.push(topic)
    else groups.set(key, [topic])
  }
  return [...groups].map(([resource, list]) => ({ resource, topics: list }))
}

/** A resource's name in the current language when the i18n files have one, else as it is. */
export function resourceLabel(resource: string, t: (key: string) => string, te: (key: string) => boolean): string {
  const key = `resource.${resource}`
  return te(key) ? t(key) : resource
}
