import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { FiredEvent, ProcedureOutput, Profile } from '@contract'
import { isApiError } from '../api/errors'
import { call } from '../api/client'

export type EditorFormat = 'json' | 'xml'
export type Template = ProcedureOutput<'templates.list'>['templates'][number]

const PARSE_DELAY_MS = 250

/**
 * The Simulator screen's state: which event, the body in the editor and whether it parses,
 * the chosen target webhooks. Payloads come from the core (events.preview); an edited body
 * is read back by the core too (events.parseBody), so the renderer never generates one.
 */
export const useSimulatorStore = defineStore('simulator', () => {
  const profile = ref<Profile>('sapo')
  const topic = ref('orders/create')
  const format = ref<EditorFormat>('json')
  /** The seed of the shown payload; `fixedSeed` (when set) is what Regenerate keeps. */
  const seed = ref<number | null>(null)
  const fixedSeed = ref<number | null>(null)
  const body = ref('')
  /** The payload the body reads as, or null while it is being read or does not parse. */
  const payload = ref<Record<string, unknown> | null>(null)
  /** Whether the body differs from what the simulator generated for `seed`. */
  const edited = ref(false)
  const parsing = ref(false)
  const parseError = ref<string | null>(null)
  const loading = ref(false)
  const loadError = ref<string | null>(null)
  const targets = ref<number[]>([])
  const lastFired = ref<FiredEvent | null>(null)
  const firing = ref(false)

  let previewRun = 0
  let parseRun = 0
  let parseTimer: ReturnType<typeof setTimeout> | null = null

  const canFire = computed(() => !loading.value && !parsing.value && parseError.value === null && payload.value !== null && topic.value !== '')

  function newSeed(): number {
    return crypto.getRandomValues(new Uint32Array(1))[0]
  }

  /** Shows the payload for `seedToUse` (a new random seed when omitted). */
  async function preview(seedToUse?: number): Promise<void> {
    const run = ++previewRun
    cancelParse()
    loading.value = true
    loadError.value = null
    try {
      const out = await call('events.preview', { profile: profile.value, topic: topic.value, format: format.value, seed: seedToUse ?? fixedSeed.value ?? newSeed() })
      if (run !== previewRun) return
      seed.value = out.seed
      // The wire body is compact JSON; the editor shows the same payload indented, to read and edit.
      body.value = format.value === 'json' ? JSON.stringify(out.payload, null, 2) : out.body
      payload.value = out.payload as Record<string, unknown>
      edited.value = false
      parseError.value = null
    } catch (err) {
      if (run !== previewRun) return
      loadError.value = isApiError(err) ? err.message : String(err)
    } finally {
      if (run === previewRun) loading.value = false
    }
  }

  /** A new seed, unless the user fixed one. */
  function regenerate(): Promise<void> {
    return preview(fixedSeed.value ?? newSeed())
  }

  /** Same seed, other profile/topic/format. */
  function refresh(): Promise<void> {
    return preview(fixedSeed.value ?? seed.value ?? undefined)
  }

  function cancelParse(): void {
    parseRun++
    if (parseTimer) clearTimeout(parseTimer)
    parseTimer = null
    parsing.value = false
  }

  /** The user typed: the body is read back by the core after a short pause. */
  function edit(text: string): void {
    if (text === body.value) return
    body.value = text
    edited.value = true
    payload.value = null
    parsing.value = true
    if (parseTimer) clearTimeout(parseTimer)
    const run = ++parseRun
    parseTimer = setTimeout(() => void parse(run, text), PARSE_DELAY_MS)
  }

  async function parse(run: number, text: string): Promise<void> {
    try {
      const out = await call('events.parseBody', { format: format.value, body: text })
      if (run !== parseRun) return
      payload.value = out.payload
      parseError.value = null
    } catch (err) {
      if (run !== parseRun) return
      parseError.value = isApiError(err) ? err.message : String(err)
    } finally {
      if (run === parseRun) parsing.value = false
    }
  }

  /** A stored template's payload, shown as JSON (only the core renders XML). */
  function loadTemplate(template: Template): void {
    previewRun++
    cancelParse()
    profile.value = template.profile
    topic.value = template.topic
    format.value = 'json'
    body.value = JSON.stringify(template.payload, null, 2)
    payload.value = template.payload
    edited.value = true
    parseError.value = null
    loadError.value = null
    loading.value = false
  }

  /** What to send: the seed when the body is the generated one, else the edited payload. */
  function fireInput(): { topic: string; profile: Profile; seed?: number; payload?: Record<string, unknown>; webhook_ids?: number[] } {
    const base = { topic: topic.value, profile: profile.value, ...(targets.value.length > 0 ? { webhook_ids: [...targets.value] } : {}) }
    if (!edited.value && seed.value !== null) return { ...base, seed: seed.value }
    return { ...base, payload: payload.value ?? {} }
  }

  async function fire(): Promise<FiredEvent> {
    firing.value = true
    try {
      const event = await call('events.fire', fireInput())
      lastFired.value = event
      return event
    } finally {
      firing.value = false
    }
  }

  return {
    profile, topic, format, seed, fixedSeed, body, payload, edited, parsing, parseError, loading, loadError, targets, lastFired, firing,
    canFire, preview, regenerate, refresh, edit, loadTemplate, fireInput, fire,
  }
})
