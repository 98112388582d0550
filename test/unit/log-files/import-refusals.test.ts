import { closeSync, ftruncateSync, openSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest'
import { IMPORT_MAX_BYTES, type HooklabError } from '../../../electron/core/contract'
import { ADMIN, READER, testCore } from '../../support/core'
import { chunked, exportText, IPC_ADMIN, storeSnapshot } from '../../support/log-files'

/**
 * Issue 9 "Bad input": a malformed, truncated or hostile import is refused with the line and
 * the reason, and imports nothing — not even the lines before the bad one. Each case runs
 * against a data directory that already holds a webhook and a delivery, and compares every
 * table (and the absence of a staging file) before and after.
 */
let source: ReturnType<typeof testCore>
let good: string[]
beforeAll(async () => {
  source = testCore()
  const hook = await source.call<{ id: number }>('webhooks.create', { address: 'http://127.0.0.1:9/a', topics: ['orders/create'] })
  await source.call('webhooks.create', { address: 'http://127.0.0.1:9/b', topics: ['orders/create'], format: 'xml' })
  // 600 events to two webhooks: more lines than one staging batch, so a late bad line proves nothing leaks.
  for (let seed = 1; seed <= 600; seed++) await source.call('events.fire', { topic: 'orders/create', seed, webhook_ids: seed % 2 ? [hook.id] : undefined })
  good = (await exportText(source.core, { filter: {}, format: 'ndjson' }, ADMIN)).trimEnd().split('\n')
})
afterAll(() => source.close())

let target: ReturnType<typeof testCore>
beforeEach(async () => {
  target = testCore()
  await target.call('webhooks.create', { address: 'http://127.0.0.1:9/own', topics: ['orders/paid'] })
  await target.call('events.fire', { topic: 'orders/paid', seed: 7 })
})
afterEach(() => target.close())

/** Imports `text` into the target and expects a refusal; the store must be exactly as it was. */
async function refused(text: string | Buffer, options: { maxBytes?: number } = {}): Promise<HooklabError> {
  const before = storeSnapshot(target.dataDir)
  const err = (await target.core.importLog(chunked(text, 4096), ADMIN, options).then(
    () => null,
    (e: unknown) => e,
  )) as HooklabError | null
  expect(err, 'the import should have been refused').not.toBeNull()
  expect(storeSnapshot(target.dataDir)).toEqual(before)
  expect(before.rows.deliveries).toBe(1)
  return err!
}

const withLine = (n: number, replacement: string) => good.map((l, i) => (i === n - 1 ? replacement : l)).join('\n') + '\n'
const lineOf = (type: string, nth = 0) => good.map((l, i) => ({ l, n: i + 1 })).filter(({ l }) => JSON.parse(l).type === type)[nth]

test('the good file imports (the cases below differ from it by one line)', async () => {
  expect(good.length).toBeGreaterThan(1200)
  const result = await target.core.importLog(chunked(good.join('\n')), ADMIN)
  expect(result).toEqual({ webhooks: 2, events: 600, deliveries: 900, attempts: 0 })
  // Never sent: these were pending in the source; imported, they are cancelled (an import is evidence, not an outbox).
  const page = await target.call<{ deliveries: Array<{ status: string; imported: boolean }> }>('deliveries.page', { dir: 'gt', id: 1, limit: 250 })
  expect(page.deliveries.every((d) => d.status === 'cancelled' && d.imported)).toBe(true)
})

test('an unknown version, or a first line that is no header, is refused on line 1', async () => {
  const header = JSON.parse(good[0])
  let err = await refused(withLine(1, JSON.stringify({ ...header, hooklab_export: 2 })))
  expect(err).toMatchObject({ code: 'invalid_input', message: 'Line 1: names export version 2; this Hooklab reads version 1', fields: { 'line 1': ['invalid'] } })
  err = await refused(good.slice(1).join('\n'))
  expect(err.message).toBe('Line 1: is not the header of a Hooklab export (it has no "hooklab_export")')
  err = await refused(withLine(1, JSON.stringify({ ...header, secrets: 'no' })))
  expect(err.message).toMatch(/^Line 1: secrets: /)
})

test('bad JSON on line N is refused naming line N, even the very last line', async () => {
  const { n } = lineOf('delivery', 3)
  let err = await refused(withLine(n, '{"type":"delivery","id":'))
  expect(err.message).toMatch(new RegExp(`^Line ${n}: is not valid JSON \\(`))
  expect(err.fields).toEqual({ [`line ${n}`]: ['invalid'] })
  err = await refused(good.join('\n') + '\n{"type":"attempt"')
  expect(err.message).toMatch(new RegExp(`^Line ${good.length + 1}: is not valid JSON`))
})

test('a line that fails its schema is refused with its number, the field and the reason', async () => {
  const { n, l } = lineOf('delivery', 5)
  let err = await refused(withLine(n, JSON.stringify({ ...JSON.parse(l), status: 'exploded' })))
  expect(err.message).toMatch(new RegExp(`^Line ${n}: \\(delivery\\) status: `))
  const event = lineOf('event', 2)
  err = await refused(withLine(event.n, JSON.stringify({ ...JSON.parse(event.l), payload: [1, 2] })))
  expect(err.message).toBe(`Line ${event.n}: (event) payload: must be a JSON object`)
  err = await refused(withLine(event.n, JSON.stringify({ ...JSON.parse(event.l), type: 'burst' })))
  expect(err.message).toBe(`Line ${event.n}: has type "burst"; expected webhook, event, delivery or attempt`)
  err = await refused(withLine(event.n, '[1,2,3]'))
  expect(err.message).toBe(`Line ${event.n}: is not a JSON object`)
  const hook = lineOf('webhook')
  err = await refused(withLine(hook.n, JSON.stringify({ ...JSON.parse(hook.l), address: 'javascript:alert(1)' })))
  expect(err.message).toMatch(new RegExp(`^Line ${hook.n}: \\(webhook\\) address: `))
  err = await refused(withLine(hook.n, JSON.stringify({ ...JSON.parse(hook.l), headers: { 'Bad Name': 'x' } })))
  expect(err.message).toMatch(new RegExp(`^Line ${hook.n}: \\(webhook\\) headers`))
})

test('references the file does not satisfy, and ids used twice, are refused by line', async () => {
  const event = lineOf('event', 10)
  const eventId = JSON.parse(event.l).id
  const firstUser = good.findIndex((l) => JSON.parse(l).type === 'delivery' && JSON.parse(l).event_id === eventId) + 1
  let err = await refused(withLine(event.n, ''))
  expect(err.message).toMatch(new RegExp(`^Line ${firstUser}: delivery \\d+ names event ${eventId}, which the file does not contain$`))
  const delivery = lineOf('delivery', 7)
  err = await refused(good.join('\n') + '\n' + delivery.l)
  expect(err.message).toBe(`Line ${good.length + 1}: repeats an id (or an attempt number) that an earlier line already used`)
  const hook = lineOf('webhook', 1)
  err = await refused(withLine(hook.n, ''))
  expect(err.message).toMatch(/names webhook \d+, which the file does not contain$/)
})

test('a lone surrogate escaped in JSON is refused on its line (SQLite would store U+FFFD); a paired one is text', async () => {
  const hook = lineOf('webhook')
  // The name written as JSON escapes, as another program might write it.
  const named = (escaped: string) => JSON.stringify({ ...JSON.parse(hook.l), name: 'NAME' }).replace('NAME', escaped)
  const err = await refused(withLine(hook.n, named('\\ud800x')))
  expect(err.message).toBe(`Line ${hook.n}: name: holds a lone UTF-16 surrogate`)
  await expect(target.core.importLog(chunked(withLine(hook.n, named('\\ud83d\\ude00'))), ADMIN)).resolves.toMatchObject({ webhooks: 2 })
})

test('bytes that are not UTF-8 are refused on their line; an empty file is refused', async () => {
  const { n } = lineOf('event', 1)
  const lines = good.map((l) => Buffer.from(l + '\n'))
  lines[n - 1] = Buffer.concat([Buffer.from('{"type":"event","x":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}\n')])
  let err = await refused(Buffer.concat(lines))
  expect(err.message).toBe(`Line ${n}: is not valid UTF-8`)
  err = await refused('')
  expect(err).toMatchObject({ message: 'The file is empty: a Hooklab export starts with its header line', fields: { file: ['blank'] } })
  err = await refused('\n\n  \n')
  expect(err.fields).toEqual({ file: ['blank'] })
})

test('over the size limit is refused as it streams (limit injected low), at the limit is not', async () => {
  const text = good.join('\n') + '\n'
  const size = Buffer.byteLength(text)
  const err = await refused(text, { maxBytes: size - 1 })
  expect(err).toMatchObject({ code: 'invalid_input', fields: { file: ['too_long'] } })
  expect(err.message).toBe(`The file is larger than ${size - 1} bytes, the most an import reads`)
  await expect(target.core.importLog(chunked(text), ADMIN, { maxBytes: size })).resolves.toMatchObject({ deliveries: 900 })
  // A transport cannot raise the limit past 256 MiB.
  expect(IMPORT_MAX_BYTES).toBe(256 * 1024 * 1024)
})

test('the real 256 MiB limit: a 256 MiB + 1 byte file is refused before a byte is read; 256 MiB exactly is read (and refused for what it holds)', async () => {
  // Sparse files: no 256 MiB is written to disk.
  const over = join(target.dataDir, 'over.ndjson')
  const exact = join(target.dataDir, 'exact.ndjson')
  for (const [file, size] of [[over, IMPORT_MAX_BYTES + 1], [exact, IMPORT_MAX_BYTES]] as const) {
    writeFileSync(file, good[0] + '\n')
    const fd = openSync(file, 'r+')
    ftruncateSync(fd, size)
    closeSync(fd)
  }
  const before = storeSnapshot(target.dataDir)
  await expect(target.call('log.importFromFile', { path: over }, IPC_ADMIN)).rejects.toMatchObject({ message: 'The file is larger than 256 MiB, the most an import reads', fields: { file: ['too_long'] } })
  // Zero bytes after the header make a 64 MiB line: refused for its length, not for the file's size.
  await expect(target.call('log.importFromFile', { path: exact }, IPC_ADMIN)).rejects.toMatchObject({ message: 'Line 2: is longer than 64 MiB', fields: { 'line 2': ['too_long'] } })
  expect(storeSnapshot(target.dataDir).rows).toEqual(before.rows)
}, 30_000)

test('a read token cannot import; file paths are refused under the web transport', async () => {
  const before = storeSnapshot(target.dataDir)
  await expect(target.core.importLog(chunked(good.join('\n')), READER)).rejects.toMatchObject({ code: 'forbidden' })
  const file = join(target.dataDir, 'good.ndjson')
  writeFileSync(file, good.join('\n'))
  await expect(target.call('log.importFromFile', { path: file }, ADMIN)).rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining('POST /files/import') })
  await expect(target.call('log.exportToFile', { filter: {}, format: 'ndjson', path: join(target.dataDir, 'x.ndjson') }, ADMIN)).rejects.toMatchObject({ code: 'forbidden' })
  expect(storeSnapshot(target.dataDir).rows).toEqual(before.rows)
})

test('an import still streaming when the core closes stops and stores nothing', async () => {
  let release!: () => void
  const held = new Promise<void>((resolve) => (release = resolve))
  const half = Math.floor(good.length / 2)
  async function* slow() {
    yield Buffer.from(good.slice(0, half).join('\n') + '\n')
    await held
    yield Buffer.from(good.slice(half).join('\n') + '\n')
  }
  const before = storeSnapshot(target.dataDir)
  const importing = target.core.importLog(slow(), ADMIN)
  const closing = target.core.close()
  release()
  await expect(importing).rejects.toMatchObject({ code: 'unavailable' })
  await closing
  const reopened = testCore({ dataDir: target.dataDir })
  try {
    expect(storeSnapshot(target.dataDir)).toEqual(before)
  } finally {
    await reopened.core.close()
  }
})

test('an export being read when the core closes stops with unavailable instead of reading a closed store', async () => {
  const running = await target.core.exportLog({ filter: {}, format: 'ndjson' }, ADMIN)
  const chunks = running.chunks[Symbol.asyncIterator]()
  expect(String((await chunks.next()).value)).toContain('"hooklab_export":1')
  const closing = target.core.close()
  await expect(chunks.next()).rejects.toMatchObject({ code: 'unavailable' })
  await closing
  await expect(target.core.exportLog({ filter: {}, format: 'ndjson' }, ADMIN)).rejects.toMatchObject({ code: 'unavailable' })
  await expect(target.core.importLog(chunked(good.join('\n')), ADMIN)).rejects.toMatchObject({ code: 'unavailable' })
})
