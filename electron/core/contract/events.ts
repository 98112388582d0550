import { z } from 'zod'
import { replayJobSchema } from './log-schemas'
import type { TokenRole } from './other-schemas'
import type { PushedEventName } from './names'

/**
 * Events the core pushes to every connected window. `origin` names who made the
 * change (a window's client id, "admin-api", "cli", "engine") so that a window
 * can tell its own changes from changes made elsewhere (SPEC §8 sync footer).
 */
export const pushedEvents = {
  /**
   * `engine` changes (auto-disable, counters, last ping) are the engine's own: they do
   * not set `modified_on`, and windows update the rows in place without counting them
   * in the sync badge (SPEC §8).
   */
  'webhooks.changed': z.object({
    action: z.enum(['created', 'updated', 'deleted', 'status', 'engine']),
    ids: z.array(z.number().int()),
    origin: z.string(),
  }),
  /**
   * Deliveries created or changed, coalesced in the core: a burst of 10,000 deliveries
   * makes a handful of pushes a second. `ids` lists at most 100 of them; `count` says how many.
   */
  'deliveries.changed': z.object({ ids: z.array(z.number().int()), count: z.number().int(), origin: z.string() }),
  /**
   * A bulk replay's progress (its `done` and `status`), coalesced in the core like
   * `deliveries.changed`: at most a few pushes a second per job, and always its last state.
   */
  'replays.changed': z.object({ job: replayJobSchema, origin: z.string() }),
  'topics.changed': z.object({ origin: z.string() }),
  'settings.changed': z.object({ origin: z.string() }),
} as const satisfies Record<PushedEventName, z.ZodType>

export type PushedEvents = typeof pushedEvents
export type PushedEventPayload<N extends PushedEventName> = z.infer<PushedEvents[N]>

/** The engine's origin: its changes are not the user's (see `webhooks.changed`). */
export const ENGINE_ORIGIN = 'engine'

/** Facts about the transport a call came through; they belong to the call, not to the core. */
export interface TransportInfo {
  kind: 'ipc' | 'web'
  /** Where this process's Admin API answers right now, if it runs. */
  admin_api_url: string | null
}

/** Who is calling: the transport fills this in, handlers never look further. */
export interface CallContext {
  origin: string
  /** `read` callers never see secrets and may not write. */
  role: TokenRole
  transport: TransportInfo
}
