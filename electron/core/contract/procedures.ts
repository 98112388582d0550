import { z } from 'zod'
import {
  burstInputSchema,
  burstSchema,
  deliveryDetailSchema,
  deliveryPageOutputSchema,
  fireInputSchema,
  firedEventSchema,
  testInputSchema,
} from './delivery-schemas'
import { FIELD_CODES } from './errors'
import {
  curlInputSchema,
  curlOutputSchema,
  exportToFileInputSchema,
  exportToFileOutputSchema,
  importFromFileInputSchema,
  importResultSchema,
  logFilterSchema,
  logPageInputSchema,
  logStorageSchema,
  replayInputSchema,
  replayJobInputSchema,
  replayJobSchema,
  replayOutputSchema,
  statsInputSchema,
  statsOutputSchema,
} from './log-schemas'
import {
  parseBodyInputSchema,
  parseBodyOutputSchema,
  previewInputSchema,
  previewOutputSchema,
  scenarioSchema,
  templateInputSchema,
  templateSchema,
} from './simulator-schemas'
import type { ProcedureName } from './names'
import {
  appInfoSchema,
  customTopicCreateSchema,
  customTopicInfoSchema,
  customTopicSchema,
  idSchema,
  idsSchema,
  settingsSchema,
  tokenCreateSchema,
  tokenCreatedSchema,
  tokenInfoSchema,
  topicCatalogSchema,
  webhookCountInputSchema,
  webhookListInputSchema,
  webhookListOutputSchema,
  webhookPageInputSchema,
  webhookPageOutputSchema,
  type TokenRole,
} from './other-schemas'
import { webhookCreateSchema, webhookSchema, webhookUpdateSchema } from './webhook-schemas'

export { isProcedureName, PROCEDURE_NAMES, type ProcedureName } from './names'

interface ProcedureRow {
  /** `read`: either role may call it; `admin`: a read token is refused. */
  role: TokenRole
  input: z.ZodType
  output: z.ZodType
}

const empty = z.object({}).strict()

/**
 * Every call the renderer, the Admin API and the CLI can make, declared once with
 * the role it needs. The IPC binding, the web binding and the renderer's client are
 * derived from this table (names from names.ts); adding a feature means a name, a
 * row here and a handler in core/handlers.
 */
export const procedures = {
  'app.info': { role: 'read', input: empty, output: appInfoSchema },

  'webhooks.list': { role: 'read', input: webhookListInputSchema, output: webhookListOutputSchema },
  'webhooks.page': { role: 'read', input: webhookPageInputSchema, output: webhookPageOutputSchema },
  'webhooks.count': { role: 'read', input: webhookCountInputSchema, output: z.object({ count: z.number().int() }) },
  'webhooks.get': {
    role: 'read',
    input: z.object({ id: idSchema, include_secret: z.boolean().optional() }).strict(),
    output: webhookSchema,
  },
  /** What a create (no id) or an update of `id` with these attributes would refuse; stores nothing. */
  'webhooks.validate': {
    role: 'admin',
    input: z.object({ id: idSchema.optional(), attributes: z.unknown() }).strict(),
    output: z.object({ fields: z.record(z.string(), z.array(z.enum(FIELD_CODES))) }),
  },
  'webhooks.create': { role: 'admin', input: webhookCreateSchema, output: webhookSchema },
  'webhooks.update': { role: 'admin', input: webhookUpdateSchema, output: webhookSchema },
  'webhooks.delete': { role: 'admin', input: z.object({ id: idSchema }).strict(), output: z.object({}) },
  'webhooks.setStatus': {
    role: 'admin',
    input: z.object({ ids: idsSchema, status: z.enum(['enabled', 'disabled']) }).strict(),
    output: z.object({ webhooks: z.array(webhookSchema) }),
  },
  'webhooks.deleteMany': {
    role: 'admin',
    input: z.object({ ids: idsSchema }).strict(),
    output: z.object({ deleted: z.number().int() }),
  },

  /** Ping now (SPEC §8): answers once the first attempt has finished. */
  'webhooks.ping': { role: 'admin', input: z.object({ id: idSchema }).strict(), output: deliveryDetailSchema },
  /** Seed 000's Test: enabled webhooks only (409 otherwise). */
  'webhooks.test': { role: 'admin', input: testInputSchema, output: deliveryDetailSchema },
  'events.fire': { role: 'admin', input: fireInputSchema, output: firedEventSchema },
  'bursts.start': { role: 'admin', input: burstInputSchema, output: burstSchema },
  'bursts.get': { role: 'read', input: z.object({ id: idSchema }).strict(), output: burstSchema },
  'bursts.cancel': { role: 'admin', input: z.object({ id: idSchema }).strict(), output: burstSchema },
  'events.preview': { role: 'read', input: previewInputSchema, output: previewOutputSchema },
  'events.parseBody': { role: 'read', input: parseBodyInputSchema, output: parseBodyOutputSchema },
  'scenarios.list': { role: 'read', input: empty, output: z.object({ scenarios: z.array(scenarioSchema) }) },
  'templates.list': { role: 'read', input: empty, output: z.object({ templates: z.array(templateSchema) }) },
  'templates.save': { role: 'admin', input: templateInputSchema, output: templateSchema },
  'templates.delete': { role: 'admin', input: z.object({ id: idSchema }).strict(), output: z.object({}) },
  'deliveries.get': { role: 'read', input: z.object({ id: idSchema }).strict(), output: deliveryDetailSchema },
  'deliveries.page': { role: 'read', input: logPageInputSchema, output: deliveryPageOutputSchema },
  'deliveries.count': { role: 'read', input: logFilterSchema, output: z.object({ count: z.number().int() }) },
  'deliveries.retry': { role: 'admin', input: z.object({ id: idSchema }).strict(), output: deliveryDetailSchema },
  'deliveries.cancel': { role: 'admin', input: z.object({ id: idSchema }).strict(), output: deliveryDetailSchema },
  /** Replay one delivery (SPEC §8); a dry run stores and sends nothing. */
  'deliveries.replay': { role: 'admin', input: replayInputSchema, output: replayOutputSchema },
  'deliveries.curl': { role: 'read', input: curlInputSchema, output: curlOutputSchema },
  'replays.start': { role: 'admin', input: replayJobInputSchema, output: replayJobSchema },
  'replays.get': { role: 'read', input: z.object({ id: idSchema }).strict(), output: replayJobSchema },
  'replays.cancel': { role: 'admin', input: z.object({ id: idSchema }).strict(), output: replayJobSchema },
  /** Desktop app only (a path on this machine); serve streams exports and imports over HTTP instead. */
  'log.exportToFile': { role: 'admin', input: exportToFileInputSchema, output: exportToFileOutputSchema },
  'log.importFromFile': { role: 'admin', input: importFromFileInputSchema, output: importResultSchema },
  'log.storage': { role: 'read', input: empty, output: logStorageSchema },
  'log.compact': { role: 'admin', input: empty, output: logStorageSchema },
  'log.stats': { role: 'read', input: statsInputSchema, output: statsOutputSchema },

  'topics.catalog': { role: 'read', input: empty, output: topicCatalogSchema },
  'topics.createCustom': { role: 'admin', input: customTopicCreateSchema.strict(), output: customTopicInfoSchema },
  'topics.deleteCustom': { role: 'admin', input: customTopicSchema.strict(), output: z.object({}) },

  'tokens.list': { role: 'admin', input: empty, output: z.object({ tokens: z.array(tokenInfoSchema) }) },
  'tokens.create': { role: 'admin', input: tokenCreateSchema, output: tokenCreatedSchema },
  'tokens.delete': { role: 'admin', input: z.object({ id: idSchema }).strict(), output: z.object({}) },

  'settings.get': { role: 'read', input: empty, output: settingsSchema },
  'settings.update': { role: 'admin', input: settingsSchema.partial().strict(), output: settingsSchema },
} as const satisfies Record<ProcedureName, ProcedureRow>

export type Procedures = typeof procedures
export type ProcedureInput<N extends ProcedureName> = z.input<Procedures[N]['input']>
export type ProcedureParsedInput<N extends ProcedureName> = z.output<Procedures[N]['input']>
export type ProcedureOutput<N extends ProcedureName> = z.output<Procedures[N]['output']>
