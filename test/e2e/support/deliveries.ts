import { expect } from '@playwright/test'
import type { Delivery, DeliveryDetail, LogFilter } from '../../../electron/core/contract'
import type { Api } from './api'

/** Fires `count` events of `topic` at exactly these webhooks (SPEC §8: each gets its own delivery). */
export async function fire(api: Api, webhookIds: number[], count = 1, topic = 'orders/create'): Promise<void> {
  for (let i = 0; i < count; i++) await api.call('events.fire', { topic, webhook_ids: webhookIds })
}

export async function countOf(api: Api, filter: LogFilter): Promise<number> {
  return (await api.call<{ count: number }>('deliveries.count', filter)).count
}

/** Waits until exactly `n` deliveries match (the engine sends in the background). */
export async function settle(api: Api, filter: LogFilter, n: number, timeout = 20_000): Promise<void> {
  await expect.poll(() => countOf(api, filter), { timeout }).toBe(n)
}

/** The newest deliveries matching a filter, newest first. */
export async function deliveries(api: Api, filter: LogFilter, limit = 50): Promise<Delivery[]> {
  return (await api.call<{ deliveries: Delivery[] }>('deliveries.page', { ...filter, dir: 'lt', limit })).deliveries
}

export function detail(api: Api, id: number): Promise<DeliveryDetail> {
  return api.call<DeliveryDetail>('deliveries.get', { id })
}
