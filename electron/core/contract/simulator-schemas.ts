import { z } from 'zod'
import { PROFILES } from './profiles'
import { FORMATS } from './webhook-schemas'

/** The Simulator screen's preview: the payload the simulator would fire, rendered in a format. */
export const previewInputSchema = z
  .object({
    profile: z.enum(PROFILES).default('sapo'),
    topic: z.string().trim().min(1, 'blank').max(200, 'too_long'),
    seed: z.number().int('invalid').min(0, 'out_of_range').max(0xffffffff, 'out_of_range').optional(),
    format: z.enum(FORMATS).default('json'),
  })
  .strict()
export const previewOutputSchema = z.object({ seed: z.number().int(), payload: z.unknown(), body: z.string(), content_type: z.string() })

/** An edited body read back into a payload; a syntax error names its line and column. */
export const parseBodyInputSchema = z.object({ format: z.enum(['json', 'xml']), body: z.string().max(5 * 1024 * 1024, 'too_long') }).strict()
export const parseBodyOutputSchema = z.object({ payload: z.record(z.string(), z.unknown()) })

/** Named sequences a real store produces (issue 7 item 5); every step uses the same seed. */
export const scenarioSchema = z.object({ id: z.string(), profile: z.enum(PROFILES), steps: z.array(z.string()) })
export type Scenario = z.infer<typeof scenarioSchema>

export const templateInputSchema = z
  .object({
    name: z.string().trim().min(1, 'blank').max(200, 'too_long'),
    profile: z.enum(PROFILES),
    topic: z.string().trim().min(1, 'blank').max(200, 'too_long'),
    payload: z.record(z.string(), z.unknown()),
  })
  .strict()
export const templateSchema = templateInputSchema.extend({ id: z.number().int(), created_on: z.string() })
export type Template = z.infer<typeof templateSchema>
