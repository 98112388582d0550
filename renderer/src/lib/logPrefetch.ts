import type { RouteLocationNormalized } from 'vue-router'
import { useLogStore } from '../stores/log'
import { useWebhookNamesStore } from '../stores/webhookNames'
import { filterFromQuery } from './logQuery'

/**
 * Asks for the log's first page and the webhook names as soon as the route is chosen: on a
 * cold start that is while the settings load and the shell first renders, rather than
 * after the screen mounts. The screen then finds the page on its way (the store does not
 * ask twice). Imported statically by the router, so nothing waits for a chunk.
 */
export function prefetchLog(to: RouteLocationNormalized): void {
  void useLogStore().setFilter(filterFromQuery(to.query), { fresh: true })
  void useWebhookNamesStore()
    .load()
    .catch(() => {})
}
