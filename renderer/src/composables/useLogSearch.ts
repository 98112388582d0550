import { onBeforeUnmount, ref, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { filterFromQuery, queryFromFilter } from '../lib/logQuery'
import { markFilterStart } from '../lib/perfMarks'

const DEBOUNCE_MS = 300

/**
 * The event log's search text (`q`: words in bodies and headers, or an id), typed in the
 * log's own box or the top bar's, written to the address after a pause in typing.
 */
export function useLogSearch() {
  const route = useRoute()
  const router = useRouter()
  const text = ref(typeof route.query.q === 'string' ? route.query.q : '')
  let timer: ReturnType<typeof setTimeout> | undefined

  watch(
    () => route.query.q,
    (q) => {
      const now = typeof q === 'string' ? q : ''
      if (now !== text.value.trim()) text.value = now
    },
  )

  function commit(value: string): void {
    clearTimeout(timer)
    const q = value.trim()
    const filter = route.name === 'log' ? filterFromQuery(route.query) : {}
    if ((filter.q ?? '') === q && route.name === 'log') return
    markFilterStart()
    const next = { ...filter, q: q === '' ? undefined : q }
    if (next.q === undefined) delete next.q
    void router[route.name === 'log' ? 'replace' : 'push']({ name: 'log', query: queryFromFilter(next, route.name === 'log' ? route.query : {}) })
  }

  function set(value: string): void {
    text.value = value
    clearTimeout(timer)
    timer = setTimeout(() => commit(value), DEBOUNCE_MS)
  }

  onBeforeUnmount(() => clearTimeout(timer))
  return { text, set, commit }
}
