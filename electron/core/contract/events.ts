import { z } from 'zod'

/**
 * Events the core pushes to every connected window. `origin` names who made the
 * change (a window's client id, "admin-api", "cli", "engine") so that a window
 * can tell its own changes from changes made elsewhere (SPEC §8 sync footer).
 */
export const pushedEvents = {
  'webhooks.changed': z.object({
    action: z.enum(['created', 'updated', 'deleted', 'status']),
    ids: z.array(z.number().int()),
    origin: z.string(),
  }),
  'settings.changed': z.object({ origin: z.string() }),
} as const

export type PushedEvents = typeof pushedEvents
export type PushedEventName = keyof PushedEvents
export type PushedEventPayload<N extends PushedEventName> = z.infer<PushedEvents[N]>
export const PUSHED_EVENT_NAMES = Object.keys(pushedEvents) as PushedEventName[]

export function isPushedEventName(name: unknown): name is PushedEventName {
  return typeof name === 'string' && Object.hasOwn(pushedEvents, name)
}

/** Who is calling: the transport fills this in, handlers never look further. */
export interface CallContext {
  origin: string
  /** `read` callers never see secrets and may not write. */
  role: 'admin' | 'read'
}
