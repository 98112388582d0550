import { ref, watch, type Ref } from 'vue'
import type { FieldErrors } from '@contract'
import { headOf } from '../lib/fieldErrors'
import { payloadFromForm, validate, type WebhookForm } from '../lib/webhookForm'

type Snapshot = Record<string, string>

function snapshotOf(form: WebhookForm): Snapshot {
  const payload = payloadFromForm(form) as Record<string, unknown>
  const out: Snapshot = {}
  for (const key of Object.keys(form)) out[key] = JSON.stringify(payload[key] ?? null)
  return out
}

/**
 * The errors a submit found, kept in step with the form: once a field that had an error
 * changes, its error is what the client-side check says now (nothing once it is fixed, and
 * back again if it breaks), instead of waiting for the next submit. Fields that had no error
 * stay quiet until then.
 */
export function useLiveFieldErrors(form: Ref<WebhookForm>) {
  const fields = ref<FieldErrors>({})
  let seen: Snapshot = {}
  /** The fields the last submit found wrong. */
  let watched = new Set<string>()

  function show(next: FieldErrors): void {
    fields.value = next
    seen = snapshotOf(form.value)
    watched = new Set(Object.keys(next).map(headOf))
  }

  function clear(): void {
    fields.value = {}
    seen = {}
    watched = new Set()
  }

  watch(
    form,
    (current) => {
      if (watched.size === 0) return
      const keys = Object.keys(fields.value)
      const now = snapshotOf(current)
      const changed = new Set([...watched].filter((head) => now[head] !== seen[head]))
      seen = now
      if (changed.size === 0) return
      const found = validate(payloadFromForm(current))
      const next: FieldErrors = {}
      for (const key of keys) if (!changed.has(headOf(key))) next[key] = fields.value[key]
      for (const [key, codes] of Object.entries(found)) if (changed.has(headOf(key))) next[key] = codes
      fields.value = next
    },
    { deep: true },
  )

  return { fields, show, clear }
}
