import { z } from 'zod'
import { DELIVERY_STATUSES, deliveryDetailSchema, deliverySchema } from './delivery-schemas'
import { keysetPageSchema, keysetSchema } from './paging'
import { reservedHeaderReason } from './reserved-headers'
import { addressSchema, headersSchema } from './webhook-schemas'

/**
 * The event log (issue 9): one filter shared by the log screen, the Admin API's
 * deliveries.json / count.json, bulk replay and export, so "what the user sees" and
 * "what gets replayed or exported" can never differ.
 */
export const STATUS_CLASSES = ['2xx', '3xx', '4xx', '5xx', 'network'] as const
export type StatusClass = (typeof STATUS_CLASSES)[number]

const instant = z
  .string()
  .max(64, 'too_long')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'invalid')

export const logFilterShape = {
  webhook_id: z.number().int().positive().optional(),
  event_id: z.number().int().positive().optional(),
  status: z.enum(DELIVERY_STATUSES).optional(),
  topic: z.string().trim().min(1, 'blank').max(200, 'too_long').optional(),
  /** Deliveries created at or after `since`, before `until` (ISO 8601). */
  since: instant.optional(),
  until: instant.optional(),
  /** The last attempt's outcome: its HTTP status class, or `network` when none came back. */
  status_class: z.enum(STATUS_CLASSES).optional(),
  /** false hides test and ping deliveries; true shows only those. */
  test: z.boolean().optional(),
  /**
   * Full text over payloads, request/response headers and bodies (FTS5, treated as plain
   * words: quotes, operators and SQL are text). A delivery id, event id or provider id
   * also finds that delivery.
   */
  q: z.string().max(500, 'too_long').optional(),
}
export const logFilterSchema = z.object(logFilterShape).strict()
export type LogFilter = z.infer<typeof logFilterSchema>

export const logPageInputSchema = keysetSchema.extend(logFilterShape).strict()
export const logPageOutputSchema = keysetPageSchema('deliveries', deliverySchema)

/** The request a replay sends, shown by a dry run (SPEC §8). */
export const requestSchema = z.object({
  method: z.string(),
  url: z.string(),
  headers: z.record(z.string(), z.string()),
  body: z.string(),
})
export type SentRequest = z.infer<typeof requestSchema>

/**
 * Header overrides of a replay: the webhook's custom-header rules (valid names and values,
 * no hop-by-hop or framing headers), and never Hooklab's own `X-Hooklab-*`, which say what
 * the delivery is. A provider's headers (signatures included) may be overridden: sending a
 * wrong signature on purpose is a test. An empty value removes the header.
 */
export const replayHeadersSchema = headersSchema.superRefine((headers, ctx) => {
  for (const name of Object.keys(headers)) {
    if (reservedHeaderReason(name, undefined, undefined) === 'hooklab') ctx.addIssue({ code: 'custom', message: 'reserved_header', path: [name] })
  }
  // Also when other headers were refused: one answer names every bad header.
}, { when: (payload) => typeof payload.value === 'object' && payload.value !== null })

/** Replay one delivery: to its webhook or another address, as it was or edited, or only show it. */
export const replayInputSchema = z
  .object({
    id: z.number().int().positive(),
    /** Another URL, validated like a webhook's; the webhook's own otherwise. */
    address: addressSchema.optional(),
    /** A local webhook whose secret, style and auth sign it (an imported delivery has none of its own). */
    webhook_id: z.number().int().positive().optional(),
    /** The body edited as text (JSON must parse); the stored payload otherwise. */
    payload: z.string().max(5 * 1024 * 1024, 'too_long').optional(),
    /** Header overrides on top of the freshly built request (an empty value removes that header). */
    headers: replayHeadersSchema.optional(),
    /**
     * Build the exact request and answer it; store and send nothing. The request has every
     * header but `X-Hooklab-Delivery-Id`: a delivery id exists only once a delivery is stored.
     */
    dry_run: z.boolean().optional(),
  })
  .strict()
export type ReplayInput = z.infer<typeof replayInputSchema>
export const replayOutputSchema = z.object({ request: requestSchema, delivery: deliveryDetailSchema.nullable() })

/** Bulk replay of a filter: a stored job with progress and cancel, like a burst. */
export const REPLAY_JOB_STATUSES = ['running', 'completed', 'cancelled'] as const
export const replayJobInputSchema = z
  .object({
    filter: logFilterSchema,
    address: addressSchema.optional(),
    /** A local webhook that signs every replay; without one, imported deliveries are skipped (they have no webhook of their own here). */
    webhook_id: z.number().int().positive().optional(),
  })
  .strict()
export type ReplayJobInput = z.infer<typeof replayJobInputSchema>
export const replayJobSchema = z.object({
  id: z.number().int(),
  filter: logFilterSchema,
  /** The other address with its credentials redacted, or null for each webhook's own. */
  address: z.string().nullable(),
  webhook_id: z.number().int().nullable(),
  /** How many deliveries it replays: the filter's count at start, then (a moment later, once the ids are read) exactly how many were read. */
  total: z.number().int(),
  done: z.number().int(),
  /** Of `done`, how many could not be replayed (deleted since, or imported without a signing webhook). */
  skipped: z.number().int(),
  status: z.enum(REPLAY_JOB_STATUSES),
  created_on: z.string(),
  finished_on: z.string().nullable(),
})
export type ReplayJob = z.infer<typeof replayJobSchema>

/** Copy as cURL: the attempt's request with its credentials (admin) or redacted (read token). */
export const curlInputSchema = z.object({ id: z.number().int().positive(), attempt: z.number().int().positive().optional() }).strict()
export const curlOutputSchema = z.object({ command: z.string() })

/**
 * Export and import (SPEC §8 NDJSON, HAR 1.2). Both stream: by file path in the desktop app
 * (`log.exportToFile`, `log.importFromFile`), over `GET /files/export` and `POST /files/import`
 * under `serve`. `secrets` (admins only) puts webhook secrets and opened credentials in the file.
 */
export const EXPORT_FORMATS = ['ndjson', 'har'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]
export const exportInputSchema = z.object({ filter: logFilterSchema, format: z.enum(EXPORT_FORMATS), secrets: z.boolean().optional() }).strict()
export type ExportInput = z.infer<typeof exportInputSchema>
const filePath = z.string().min(1, 'blank').max(4096, 'too_long')
/**
 * `path` is filled by the desktop app's main process from its save dialog: a path the page
 * sends is replaced, so a page can never choose where a file is written.
 */
export const exportToFileInputSchema = exportInputSchema.extend({ path: filePath.optional() }).strict()
/** `path` is null when the user cancelled the save dialog. */
export const exportToFileOutputSchema = z.object({ path: z.string().nullable(), deliveries: z.number().int() })
export const importFromFileInputSchema = z.object({ path: filePath }).strict()
export const importResultSchema = z.object({
  webhooks: z.number().int(),
  events: z.number().int(),
  deliveries: z.number().int(),
  attempts: z.number().int(),
})
export type ImportResult = z.infer<typeof importResultSchema>
export const IMPORT_MAX_BYTES = 256 * 1024 * 1024

/** Retention (issue 9 item 6) and the log's size on disk. */
export const logStorageSchema = z.object({
  bytes: z.number().int(),
  deliveries: z.number().int(),
  events: z.number().int(),
  attempts: z.number().int(),
  oldest_on: z.string().nullable(),
})
export type LogStorage = z.infer<typeof logStorageSchema>

/** Dashboard (issue 9 item 7): deliveries over time by outcome, and latency per webhook. */
export const statsInputSchema = z
  .object({ since: instant, until: instant.optional(), webhook_id: z.number().int().positive().optional(), buckets: z.number().int().min(1).max(500).default(60) })
  .strict()
export const statsOutputSchema = z.object({
  bucket_ms: z.number().int(),
  series: z.array(
    z.object({
      start: z.string(),
      succeeded: z.number().int(),
      failed: z.number().int(),
      retrying: z.number().int(),
      pending: z.number().int(),
      cancelled: z.number().int(),
    }),
  ),
  latency: z.array(z.object({ webhook_id: z.number().int(), name: z.string(), count: z.number().int(), p50_ms: z.number(), p95_ms: z.number() })),
})
export type Stats = z.infer<typeof statsOutputSchema>
export type DeliveryFilter = LogFilter
