import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { bindIpc, type InvokeListener, type InvokeResult, type IpcMainLike } from '../../../electron/main/ipc'
import { defaultExportName, fileDialogs, type SaveDialogOptions, type ShowSaveDialog } from '../../../electron/main/file-dialogs'
import { testCore } from '../../support/core'
import { tempDir } from '../../support/temp-dir'

/*
 * The desktop export and import, decided in plain Node: the IPC binding with the dialog step
 * over a real core on a temp data directory. Only Electron's ipcMain and dialog are faked.
 */

const APP_URL = `${pathToFileURL('/opt/Hooklab/out/renderer/index.html').href}#/log`

class FakeIpcMain implements IpcMainLike {
  listener: InvokeListener | null = null
  handle(_channel: string, listener: InvokeListener): void {
    this.listener = listener
  }
  removeHandler(): void {
    this.listener = null
  }
  async invoke(name: string, input: unknown): Promise<InvokeResult> {
    return (await this.listener!({ sender: { id: 7 }, senderFrame: { url: APP_URL } }, name, input, { origin: 'w1' })) as InvokeResult
  }
}

let t: ReturnType<typeof testCore>
let downloads: ReturnType<typeof tempDir>
let ipc: FakeIpcMain
let answer: { canceled: boolean; filePath?: string }
const shown: Array<{ senderId: number; options: SaveDialogOptions }> = []
const showSaveDialog: ShowSaveDialog = vi.fn(async (senderId, options) => {
  shown.push({ senderId, options })
  return answer
})

beforeEach(async () => {
  t = testCore()
  downloads = tempDir('hooklab-downloads-')
  ipc = new FakeIpcMain()
  shown.length = 0
  vi.mocked(showSaveDialog).mockClear()
  bindIpc(ipc, t.core, {
    isTrustedSender: (url) => url === APP_URL,
    webContents: () => [],
    adminApiUrl: () => null,
    prepare: fileDialogs({ showSaveDialog, defaultDir: () => downloads.path, now: () => new Date(2026, 0, 2, 3, 4) }),
  })
  await t.call('webhooks.create', { address: 'http://127.0.0.1:9/a', topics: ['orders/create'] })
  for (let seed = 1; seed <= 3; seed++) await t.call('events.fire', { topic: 'orders/create', seed })
})
afterEach(async () => {
  await t.close()
  downloads.cleanup()
})

test('export asks where to save (modal to the asking window), writes there 0600, and answers with the count', async () => {
  const target = join(downloads.path, 'chosen.ndjson')
  answer = { canceled: false, filePath: target }
  const result = await ipc.invoke('log.exportToFile', { filter: {}, format: 'ndjson' })
  expect(result).toEqual({ ok: true, value: { path: target, deliveries: 3 } })
  expect(shown).toEqual([
    {
      senderId: 7,
      options: { title: 'Export the log', defaultPath: join(downloads.path, 'hooklab-log-2026-01-02-0304.ndjson'), filters: [{ name: 'Hooklab export (NDJSON)', extensions: ['ndjson'] }] },
    },
  ])
  const lines = readFileSync(target, 'utf8').trimEnd().split('\n')
  expect(JSON.parse(lines[0])).toMatchObject({ hooklab_export: 1, secrets: false })
  expect(lines.filter((l) => l.includes('"type":"delivery"'))).toHaveLength(3)
  expect(statSync(target).mode & 0o777).toBe(0o600)
  // No partial file is left beside it.
  expect(readdirSync(downloads.path)).toEqual(['chosen.ndjson'])

  // The file it wrote imports, by path, into another data directory (what the desktop import does).
  const other = testCore()
  try {
    const otherIpc = new FakeIpcMain()
    bindIpc(otherIpc, other.core, { isTrustedSender: () => true, webContents: () => [], adminApiUrl: () => null, prepare: fileDialogs({ showSaveDialog, defaultDir: () => downloads.path }) })
    expect(await otherIpc.invoke('log.importFromFile', { path: target })).toEqual({ ok: true, value: { webhooks: 1, events: 3, deliveries: 3, attempts: 0 } })
    expect(showSaveDialog).toHaveBeenCalledTimes(1)
  } finally {
    await other.close()
  }
})

test('a path the page sends is replaced by the dialog\'s answer: the page never chooses where to write', async () => {
  const chosen = join(downloads.path, 'user-chose.har')
  answer = { canceled: false, filePath: chosen }
  const sneaky = join(downloads.path, 'page-wanted.txt')
  const result = await ipc.invoke('log.exportToFile', { filter: {}, format: 'har', path: sneaky })
  expect(result).toEqual({ ok: true, value: { path: chosen, deliveries: 3 } })
  expect(shown[0].options).toMatchObject({ title: 'Export the log as HAR', filters: [{ extensions: ['har'] }] })
  expect(shown[0].options.defaultPath.endsWith('.har')).toBe(true)
  expect(existsSync(sneaky)).toBe(false)
  expect(JSON.parse(readFileSync(chosen, 'utf8')).log.version).toBe('1.2')
})

test('a cancelled dialog answers path null and writes nothing', async () => {
  answer = { canceled: true }
  expect(await ipc.invoke('log.exportToFile', { filter: {}, format: 'ndjson' })).toEqual({ ok: true, value: { path: null, deliveries: 0 } })
  answer = { canceled: false }
  expect(await ipc.invoke('log.exportToFile', { filter: {}, format: 'ndjson' })).toEqual({ ok: true, value: { path: null, deliveries: 0 } })
  expect(readdirSync(downloads.path)).toEqual([])
})

test('bad input is refused by the core without a dialog; other procedures never see one', async () => {
  for (const input of [null, 'x', [1]]) expect(await ipc.invoke('log.exportToFile', input)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  expect(await ipc.invoke('webhooks.count', {})).toEqual({ ok: true, value: { count: 1 } })
  expect(shown).toEqual([])
  answer = { canceled: false, filePath: join(downloads.path, 'x.ndjson') }
  const bad = await ipc.invoke('log.exportToFile', { filter: { status: 'exploded' }, format: 'ndjson' })
  expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { 'filter.status': ['invalid'] } } })
  expect(readdirSync(downloads.path)).toEqual([])
})

test('an unwritable destination is a clear error naming the path, and leaves nothing behind', async () => {
  const target = join(downloads.path, 'missing-folder', 'x.ndjson')
  answer = { canceled: false, filePath: target }
  const result = await ipc.invoke('log.exportToFile', { filter: {}, format: 'ndjson' })
  expect(result).toEqual({ ok: false, error: { code: 'invalid_input', message: `${target} could not be written: it (or its folder) does not exist`, fields: { path: ['invalid'] } } })
  expect(await ipc.invoke('log.importFromFile', { path: join(downloads.path, 'nope.ndjson') })).toMatchObject({ ok: false, error: { message: expect.stringContaining('could not be read'), fields: { path: ['invalid'] } } })
  expect(await ipc.invoke('log.importFromFile', { path: downloads.path })).toMatchObject({ ok: false, error: { message: `${downloads.path} is not a file` } })
  expect(readdirSync(downloads.path)).toEqual([])
})

test('default names carry the date and the format', () => {
  expect(defaultExportName('har', new Date(2026, 10, 26, 14, 5))).toBe('hooklab-log-2026-11-26-1405.har')
})
