import { z } from 'zod'
import {
  appInfoSchema,
  idSchema,
  idsSchema,
  settingsSchema,
  tokenCreateSchema,
  tokenCreatedSchema,
  tokenInfoSchema,
  topicCatalogSchema,
  webhookListInputSchema,
  webhookListOutputSchema,
} from './other-schemas'
import { webhookCreateSchema, webhookSchema, webhookUpdateSchema } from './webhook-schemas'

/**
 * Every call the renderer can make, declared once. The IPC binding, the web
 * binding and the renderer's client are all derived from this table: adding a
 * feature means adding a row here and a handler in core/handlers.
 */
export const procedures = {
  'app.info': { input: z.object({}).strict(), output: appInfoSchema },

  'webhooks.list': { input: webhookListInputSchema, output: webhookListOutputSchema },
  'webhooks.get': {
    input: z.object({ id: idSchema, include_secret: z.boolean().optional() }).strict(),
    output: webhookSchema,
  },
  'webhooks.create': { input: webhookCreateSchema, output: webhookSchema },
  'webhooks.update': { input: webhookUpdateSchema, output: webhookSchema },
  'webhooks.delete': { input: z.object({ id: idSchema }).strict(), output: z.object({}) },
  'webhooks.setStatus': {
    input: z.object({ ids: idsSchema, status: z.enum(['enabled', 'disabled']) }).strict(),
    output: z.object({ webhooks: z.array(webhookSchema) }),
  },
  'webhooks.deleteMany': {
    input: z.object({ ids: idsSchema }).strict(),
    output: z.object({ deleted: z.number().int() }),
  },

  'topics.catalog': { input: z.object({}).strict(), output: topicCatalogSchema },

  'tokens.list': { input: z.object({}).strict(), output: z.object({ tokens: z.array(tokenInfoSchema) }) },
  'tokens.create': { input: tokenCreateSchema, output: tokenCreatedSchema },
  'tokens.delete': { input: z.object({ id: idSchema }).strict(), output: z.object({}) },

  'settings.get': { input: z.object({}).strict(), output: settingsSchema },
  'settings.update': { input: settingsSchema.partial().strict(), output: settingsSchema },
} as const

export type Procedures = typeof procedures
export type ProcedureName = keyof Procedures
export type ProcedureInput<N extends ProcedureName> = z.input<Procedures[N]['input']>
export type ProcedureParsedInput<N extends ProcedureName> = z.output<Procedures[N]['input']>
export type ProcedureOutput<N extends ProcedureName> = z.output<Procedures[N]['output']>
export const PROCEDURE_NAMES = Object.keys(procedures) as ProcedureName[]

export function isProcedureName(name: unknown): name is ProcedureName {
  return typeof name === 'string' && Object.hasOwn(procedures, name)
}
