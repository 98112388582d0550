import { z } from 'zod'

/**
 * Keyset paging over ids, shared by every list that can grow large (webhooks now,
 * deliveries and events later). `gt` reads ids above `id` in ascending order, `lt` ids
 * below it in descending order; pages stay stable while rows are added or removed.
 * The answer says whether more rows lie in that direction, so a caller needs no count.
 */
export const KEYSET_MAX_LIMIT = 250

export const keysetSchema = z.object({
  dir: z.enum(['gt', 'lt']).default('lt'),
  /** Where to continue from; omitted: from the start of that direction. */
  id: z.number().int('invalid').min(0, 'out_of_range').max(Number.MAX_SAFE_INTEGER, 'out_of_range').optional(),
  limit: z.number().int('invalid').min(1, 'out_of_range').max(KEYSET_MAX_LIMIT, 'out_of_range').default(50),
})
export type KeysetInput = z.input<typeof keysetSchema>
export type Keyset = z.output<typeof keysetSchema>

export function keysetPageSchema<K extends string, T extends z.ZodType>(key: K, item: T) {
  return z.object({ [key]: z.array(item), has_more: z.boolean() } as { [P in K]: z.ZodArray<T> } & { has_more: z.ZodBoolean })
}
