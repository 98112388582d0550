import { z } from 'zod'
import { keysetPageSchema } from './paging'
import { PROFILES } from './profiles'

/** SPEC §8 "Delivery states". */
export const DELIVERY_STATUSES = ['pending', 'sending', 'succeeded', 'retrying', 'failed', 'cancelled'] as const
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]
export const DELIVERY_TAGS = ['test', 'ping', 'replay'] as const
export type DeliveryTag = (typeof DELIVERY_TAGS)[number]

/** How an attempt failed (issue 8 "Sender"): `http` is a non-2xx answer, the rest never got one. */
export const ERROR_CLASSES = ['dns', 'refused', 'reset', 'timeout', 'tls', 'redirect', 'http', 'network'] as const
export type ErrorClass = (typeof ERROR_CLASSES)[number]

const headerMap = z.record(z.string(), z.string())

export const attemptSchema = z.object({
  n: z.number().int(),
  scheduled_for: z.string(),
  started_on: z.string(),
  duration_ms: z.number().int(),
  request: z.object({ method: z.string(), url: z.string(), headers: headerMap, body: z.string() }),
  response: z.object({ status: z.number().int(), headers: headerMap, body: z.string(), truncated: z.boolean() }).nullable(),
  error: z.object({ class: z.enum(ERROR_CLASSES), message: z.string() }).nullable(),
})
export type Attempt = z.infer<typeof attemptSchema>

export const deliverySchema = z.object({
  id: z.number().int(),
  event_id: z.number().int(),
  webhook_id: z.number().int(),
  topic: z.string(),
  profile: z.enum(PROFILES),
  status: z.enum(DELIVERY_STATUSES),
  tag: z.enum(DELIVERY_TAGS).nullable(),
  provider_id: z.string(),
  attempts_count: z.number().int(),
  next_attempt_on: z.string().nullable(),
  last_status_code: z.number().int().nullable(),
  last_error_class: z.enum(ERROR_CLASSES).nullable(),
  last_duration_ms: z.number().int().nullable(),
  replay_of: z.number().int().nullable(),
  /** Came from another Hooklab's export (SPEC §8): replaying it asks which local webhook signs it. */
  imported: z.boolean(),
  created_on: z.string(),
  finished_on: z.string().nullable(),
})
export type Delivery = z.infer<typeof deliverySchema>
export const deliveryDetailSchema = deliverySchema.extend({
  attempts: z.array(attemptSchema),
  /** The event's payload as this delivery's format renders it. */
  event_body: z.object({ content_type: z.string(), body: z.string() }),
  /** Deliveries that replay this one (the other side of `replay_of`). */
  replays: z.array(z.number().int()),
})
export type DeliveryDetail = z.infer<typeof deliveryDetailSchema>

export const deliveryPageOutputSchema = keysetPageSchema('deliveries', deliverySchema)

/** POST /admin/events.json and the Simulator's Fire (issue 7 item 4). */
export const fireInputSchema = z
  .object({
    topic: z.string().trim().min(1, 'blank').max(200, 'too_long'),
    profile: z.enum(PROFILES).optional(),
    /** A payload of the caller's own; without one the simulator generates it. */
    payload: z.record(z.string(), z.unknown()).optional(),
    webhook_ids: z.array(z.number().int().positive()).min(1, 'blank').max(1000, 'too_long').optional(),
    seed: z.number().int('invalid').min(0, 'out_of_range').max(0xffffffff, 'out_of_range').optional(),
  })
  .strict()
export type FireInput = z.infer<typeof fireInputSchema>

export const firedEventSchema = z.object({
  id: z.number().int(),
  topic: z.string(),
  profile: z.enum(PROFILES),
  seed: z.number().int().nullable(),
  payload: z.unknown(),
  deliveries: z.array(z.object({ id: z.number().int(), webhook_id: z.number().int() })),
})
export type FiredEvent = z.infer<typeof firedEventSchema>

/** A burst of N events at R per second (issue 7 item 4): a stored job that survives a crash. */
export const BURST_MAX_COUNT = 1_000_000
export const BURST_MAX_RATE = 10_000
export const burstInputSchema = fireInputSchema
  .extend({
    count: z.number().int('invalid').min(1, 'out_of_range').max(BURST_MAX_COUNT, 'out_of_range'),
    rate: z.number().positive('out_of_range').max(BURST_MAX_RATE, 'out_of_range').optional(),
  })
  .strict()
export type BurstInput = z.infer<typeof burstInputSchema>
export const BURST_STATUSES = ['running', 'completed', 'cancelled'] as const
export const burstSchema = z.object({
  id: z.number().int(),
  topic: z.string(),
  profile: z.enum(PROFILES),
  count: z.number().int(),
  rate: z.number().nullable(),
  fired: z.number().int(),
  status: z.enum(BURST_STATUSES),
  created_on: z.string(),
  finished_on: z.string().nullable(),
})
export type Burst = z.infer<typeof burstSchema>

export const testInputSchema = z.object({ id: z.number().int().positive(), topic: z.string().trim().min(1, 'blank').max(200, 'too_long') }).strict()

