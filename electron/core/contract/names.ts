/**
 * The contract's names and nothing else: no imports, so the sandboxed preload (which
 * can require only 'electron') and the main process share this one list
 * (electron/fiddle's ipc-events.ts is the model). procedures.ts and events.ts are keyed
 * by these names, so a name without a row, or a row without a name, fails to compile.
 */
export const PROCEDURE_NAMES = [
  'app.info',
  'webhooks.list',
  'webhooks.page',
  'webhooks.count',
  'webhooks.get',
  'webhooks.validate',
  'webhooks.create',
  'webhooks.update',
  'webhooks.delete',
  'webhooks.setStatus',
  'webhooks.deleteMany',
  'webhooks.ping',
  'webhooks.test',
  'events.fire',
  'bursts.start',
  'bursts.get',
  'bursts.cancel',
  'events.preview',
  'events.parseBody',
  'scenarios.list',
  'templates.list',
  'templates.save',
  'templates.delete',
  'deliveries.get',
  'deliveries.page',
  'deliveries.count',
  'deliveries.retry',
  'deliveries.cancel',
  'deliveries.replay',
  'deliveries.curl',
  'replays.start',
  'replays.get',
  'replays.cancel',
  'log.exportToFile',
  'log.importFromFile',
  'log.storage',
  'log.compact',
  'log.stats',
  'topics.catalog',
  'topics.createCustom',
  'topics.deleteCustom',
  'tokens.list',
  'tokens.create',
  'tokens.delete',
  'settings.get',
  'settings.update',
] as const
export type ProcedureName = (typeof PROCEDURE_NAMES)[number]

export const PUSHED_EVENT_NAMES = ['webhooks.changed', 'deliveries.changed', 'replays.changed', 'topics.changed', 'settings.changed'] as const
export type PushedEventName = (typeof PUSHED_EVENT_NAMES)[number]

const procedureSet: ReadonlySet<string> = new Set(PROCEDURE_NAMES)
const eventSet: ReadonlySet<string> = new Set(PUSHED_EVENT_NAMES)

export function isProcedureName(name: unknown): name is ProcedureName {
  return typeof name === 'string' && procedureSet.has(name)
}

export function isPushedEventName(name: unknown): name is PushedEventName {
  return typeof name === 'string' && eventSet.has(name)
}
