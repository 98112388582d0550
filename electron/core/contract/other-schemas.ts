import { z } from 'zod'
import { keysetPageSchema, keysetSchema } from './paging'
import { PROFILES } from './profiles'
import { STATUSES, topicSchema, webhookSchema } from './webhook-schemas'

export const idSchema = z.number({ error: 'required' }).int('invalid').positive('invalid')
export const idsSchema = z.array(idSchema).min(1, 'blank').max(10_000, 'too_long')

export const webhookListInputSchema = z
  .object({
    page: z.number().int().min(1).default(1),
    page_size: z.number().int().min(1).max(250).default(10),
    search: z.string().max(500, 'too_long').default(''),
    status: z.enum(STATUSES).nullable().default(null),
    sort: z.enum(['created_on', 'modified_on']).default('created_on'),
    order: z.enum(['asc', 'desc']).default('desc'),
  })
  .strict()
export type WebhookListInput = z.input<typeof webhookListInputSchema>

export const webhookListOutputSchema = z.object({
  webhooks: z.array(webhookSchema),
  total: z.number().int(),
  page: z.number().int(),
  page_size: z.number().int(),
})
export type WebhookListOutput = z.infer<typeof webhookListOutputSchema>

/** One page of webhooks by id (the Admin API's cursor pages); secrets only for an admin who asks. */
export const webhookPageInputSchema = keysetSchema.extend({ include_secret: z.boolean().optional() }).strict()
export const webhookPageOutputSchema = keysetPageSchema('webhooks', webhookSchema)
export const webhookCountInputSchema = z.object({ status: z.enum(STATUSES).nullable().default(null) }).strict()

export const topicCatalogSchema = z.object({
  profiles: z.array(
    z.object({
      profile: z.enum(PROFILES),
      /** The catalog and the user's custom topics together, grouped by resource. */
      groups: z.array(z.object({ resource: z.string(), topics: z.array(z.string()) })),
      /** Which of those the user added (SPEC §4). */
      custom: z.array(z.string()),
      /** Whether the profile takes event types of the user's own (Standard Webhooks, WooCommerce actions). */
      open: z.boolean(),
    }),
  ),
})
export type TopicCatalog = z.infer<typeof topicCatalogSchema>

/** A topic of the user's own, added to one profile (SPEC §4). */
export const customTopicSchema = z.object({
  profile: z.enum(PROFILES),
  topic: topicSchema.regex(/^[A-Za-z0-9_.:/-]+$/, 'invalid'),
})
/** Creating one may give a JSON payload template, filled per event ({{id}}, {{now}}, {{person.fullName}} …). */
export const customTopicCreateSchema = customTopicSchema.extend({ template: z.string().max(5 * 1024 * 1024, 'too_long').optional() })
export const customTopicInfoSchema = customTopicSchema.extend({ template: z.string().nullable(), created_on: z.string() })

export const TOKEN_ROLES = ['admin', 'read'] as const
export type TokenRole = (typeof TOKEN_ROLES)[number]
export const tokenCreateSchema = z
  .object({ role: z.enum(TOKEN_ROLES), name: z.string().trim().max(200, 'too_long').optional() })
  .strict()
export const tokenInfoSchema = z.object({
  id: z.number().int(),
  role: z.enum(TOKEN_ROLES),
  name: z.string(),
  created_on: z.string(),
  last_used_on: z.string().nullable(),
})
export type TokenInfo = z.infer<typeof tokenInfoSchema>
/** The one time a token's value is shown: stored hashed after this. */
export const tokenCreatedSchema = tokenInfoSchema.extend({ value: z.string() })
export type TokenCreated = z.infer<typeof tokenCreatedSchema>

export const LANGUAGES = ['system', 'vi', 'en'] as const
export const THEMES = ['system', 'light', 'dark'] as const
export const settingsSchema = z
  .object({
    language: z.enum(LANGUAGES),
    theme: z.enum(THEMES),
    auto_sync: z.boolean(),
    page_size: z.union([z.literal(10), z.literal(20), z.literal(50), z.literal(100)]),
    /** The desktop app serves the Admin API only when asked (serve always does). */
    admin_api_enabled: z.boolean(),
    admin_api_port: z.number().int().min(0).max(65535),
    /** Finished deliveries older than this many days are purged (issue 9 item 6); null keeps them. */
    retention_days: z.number().int().min(1).max(36_500).nullable(),
    /** At most this many deliveries are kept, the oldest finished ones purged first; null: no limit. */
    retention_max_deliveries: z.number().int().min(1).max(1_000_000_000).nullable(),
  })
  .strict()
export type Settings = z.infer<typeof settingsSchema>
export const DEFAULT_SETTINGS: Settings = {
  language: 'system',
  theme: 'system',
  auto_sync: false,
  page_size: 10,
  admin_api_enabled: false,
  admin_api_port: 7788,
  retention_days: 30,
  retention_max_deliveries: null,
}

export const appInfoSchema = z.object({
  version: z.string(),
  data_dir: z.string(),
  transport: z.enum(['ipc', 'web']),
  /** Where the Admin API answers, when it is running. */
  admin_api_url: z.string().nullable(),
  /** Whether a wrapped data key is in use (safeStorage). */
  key_protection: z.enum(['file', 'safe_storage']),
})
export type AppInfo = z.infer<typeof appInfoSchema>
