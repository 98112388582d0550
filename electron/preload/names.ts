import type { ProcedureName, PushedEventName } from '../core/contract'

/**
 * The contract's names, without the contract's schemas. A sandboxed preload can
 * require only 'electron', and electron-vite leaves `dependencies` such as zod
 * as require() calls — so importing the contract here would break the preload
 * at load. These lists are type-only-linked to the contract: adding a
 * procedure or event there and not here is a typecheck error (see the
 * exhaustiveness checks below), and test/unit/shell/preload-names.test.ts
 * compares them at run time too.
 */
export const PROCEDURE_NAMES = [
  'app.info',
  'webhooks.list',
  'webhooks.get',
  'webhooks.create',
  'webhooks.update',
  'webhooks.delete',
  'webhooks.setStatus',
  'webhooks.deleteMany',
  'topics.catalog',
  'tokens.list',
  'tokens.create',
  'tokens.delete',
  'settings.get',
  'settings.update',
] as const satisfies readonly ProcedureName[]

export const PUSHED_EVENT_NAMES = ['webhooks.changed', 'settings.changed'] as const satisfies readonly PushedEventName[]

/** Compiles only when every contract name is listed above. */
type Missing<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : { missing: Exclude<All, Listed> }
const proceduresComplete: Missing<ProcedureName, (typeof PROCEDURE_NAMES)[number]> = true
const eventsComplete: Missing<PushedEventName, (typeof PUSHED_EVENT_NAMES)[number]> = true
void proceduresComplete
void eventsComplete

const procedureSet: ReadonlySet<string> = new Set(PROCEDURE_NAMES)
const eventSet: ReadonlySet<string> = new Set(PUSHED_EVENT_NAMES)

export function isProcedureName(name: unknown): name is ProcedureName {
  return typeof name === 'string' && procedureSet.has(name)
}

export function isPushedEventName(name: unknown): name is PushedEventName {
  return typeof name === 'string' && eventSet.has(name)
}
