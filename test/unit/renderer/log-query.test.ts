import { expect, test } from 'vitest'
import fc from 'fast-check'
import { logFilterSchema, type LogFilter } from '../../../electron/core/contract'
import { filterFromQuery, openDeliveryFromQuery, queryFromFilter, sameFilter } from '../../../renderer/src/lib/logQuery'
import { liveRanges } from '../../../renderer/src/lib/liveRanges'

test('a filter survives the trip through the address', () => {
  const filter: LogFilter = {
    webhook_id: 12,
    topic: 'orders/create',
    status: 'failed',
    status_class: '5xx',
    since: '2026-01-01T00:00:00.000Z',
    until: '2026-01-02T00:00:00.000Z',
    test: false,
    q: 'đơn hàng "quoted" OR 1=1',
  }
  const query = queryFromFilter(filter)
  expect(query).toEqual({ webhook: '12', topic: 'orders/create', status: 'failed', class: '5xx', since: filter.since, until: filter.until, tests: 'hide', q: filter.q })
  expect(filterFromQuery(query as never)).toEqual(filter)
  expect(filterFromQuery({ tests: 'only' })).toEqual({ test: true })
})

test('other keys of the address (the open delivery) are kept; filter keys are replaced', () => {
  expect(queryFromFilter({ status: 'failed' }, { delivery: '7', status: 'succeeded', q: 'old' })).toEqual({ delivery: '7', status: 'failed' })
  expect(openDeliveryFromQuery({ delivery: '7' })).toBe(7)
  expect(openDeliveryFromQuery({ delivery: 'x' })).toBeNull()
})

test('a hand-edited link never yields a filter the core would refuse', () => {
  const anyText = fc.oneof(fc.string(), fc.constantFrom('0', '-1', '1e3', '99999999999999999999', 'failed', '2xx', 'hide', '2026-13-45', ''))
  fc.assert(
    fc.property(fc.dictionary(fc.constantFrom('webhook', 'topic', 'status', 'class', 'since', 'until', 'tests', 'q', 'delivery'), fc.oneof(anyText, fc.array(anyText))), (query) => {
      const filter = filterFromQuery(query)
      expect(logFilterSchema.safeParse(filter).success).toBe(true)
    }),
  )
})

test('sameFilter ignores key order and undefined keys', () => {
  expect(sameFilter({ status: 'failed', webhook_id: 1 }, { webhook_id: 1, status: 'failed', q: undefined })).toBe(true)
  expect(sameFilter({ status: 'failed' }, { status: 'succeeded' })).toBe(false)
})

test('changed rows are read back in as few id ranges as the page limit allows', () => {
  expect(liveRanges([], 250)).toEqual([])
  expect(liveRanges([5, 3, 4, 3], 250)).toEqual([{ from: 3, to: 5 }])
  expect(liveRanges([1, 250, 251, 600], 250)).toEqual([
    { from: 1, to: 250 },
    { from: 251, to: 251 },
    { from: 600, to: 600 },
  ])
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 1, max: 100_000 }), { maxLength: 200 }), fc.integer({ min: 1, max: 250 }), (ids, span) => {
      const ranges = liveRanges(ids, span)
      for (const r of ranges) expect(r.to - r.from + 1).toBeLessThanOrEqual(span)
      for (const id of ids) expect(ranges.some((r) => r.from <= id && id <= r.to)).toBe(true)
    }),
  )
})
