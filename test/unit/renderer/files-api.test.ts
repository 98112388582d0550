import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest'
import type { HooklabBridge } from '../../../electron/core/contract/bridge'
import { bindIpc, type InvokeListener, type InvokeResult } from '../../../electron/main/ipc'
import { fileDialogs } from '../../../electron/main/file-dialogs'
import type { ApiError } from '../../../renderer/src/api/errors'
import { adminServer, type AdminServer } from '../../support/admin-server'
import { testCore } from '../../support/core'
import { tempDir } from '../../support/temp-dir'

/*
 * renderer/src/api/files.ts on both transports, in Node: the page's globals (window,
 * document, fetch) are stood in for, the rest is real — `hooklab serve` over HTTP with the
 * session cookie, or the IPC binding with its dialog step over a real core.
 */

type FilesApi = typeof import('../../../renderer/src/api/files')
const realFetch = globalThis.fetch

async function loadFiles(window: object): Promise<FilesApi> {
  vi.resetModules()
  vi.stubGlobal('window', window)
  return import('../../../renderer/src/api/files')
}

afterEach(() => vi.unstubAllGlobals())

describe('under hooklab serve (web transport)', () => {
  let s: AdminServer
  let clicked: Array<{ href: string; download: string }>
  beforeAll(async () => {
    s = await adminServer()
    await s.call('webhooks.create', { address: 'http://127.0.0.1:9/a', topics: ['orders/create'] })
    for (let seed = 1; seed <= 5; seed++) await s.call('events.fire', { topic: 'orders/create', seed })
  })
  afterAll(() => s.close())

  /** A page opened from the link `serve` printed: its session cookie, set by the token redirect. */
  async function sessionOf(server: AdminServer): Promise<string> {
    const res = await fetch(`${server.url}/?token=${server.adminToken}`, { redirect: 'manual' })
    return res.headers.get('set-cookie')!.split(';')[0]
  }

  /** The page's fetch: same origin, its session cookie, and (for a POST) its Origin, as Chromium sends them. */
  async function pageGlobals(server: AdminServer) {
    clicked = []
    const cookie = await sessionOf(server)
    vi.stubGlobal('fetch', (path: string, init: RequestInit = {}) =>
      realFetch(new URL(path, server.url), { ...init, headers: { ...(init.headers as Record<string, string>), Cookie: cookie, ...(init.method === 'POST' ? { Origin: server.url } : {}) } }),
    )
    const link = { href: '', download: 'unset', rel: '', style: {} as Record<string, string>, click: () => clicked.push({ href: link.href, download: link.download }), remove: () => {} }
    vi.stubGlobal('document', { createElement: (tag: string) => (tag === 'a' ? link : null), body: { append: () => {} } })
  }

  test('exportLog starts a download of /files/export with the filter; that URL answers the file with the cookie', async () => {
    await pageGlobals(s)
    const files = await loadFiles({})
    await files.exportLog({ webhook_id: 1, status: 'pending' }, 'ndjson')
    expect(clicked).toEqual([{ href: '/files/export?format=ndjson&filter=%7B%22webhook_id%22%3A1%2C%22status%22%3A%22pending%22%7D', download: '' }])
    const res = await fetch(clicked[0].href)
    expect(res.status).toBe(200)
    // A filter the server refuses is an ApiError, and nothing is downloaded.
    await expect(files.exportLog({ status: 'exploded' } as never, 'ndjson')).rejects.toMatchObject({ name: 'ApiError', code: 'invalid_input', message: 'The export was refused (HTTP 422)' })
    expect(clicked).toHaveLength(1)
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="hooklab-log-.*\.ndjson"$/)
    expect((await res.text()).split('\n').filter((l) => l.includes('"type":"delivery"'))).toHaveLength(5)
  })

  test('importLog streams the File to /files/import and answers the counts; a refusal is an ApiError naming the line', async () => {
    await pageGlobals(s)
    const ndjson = await (await fetch('/files/export?format=ndjson')).text()
    // The page of another Hooklab imports it.
    const other = await adminServer()
    try {
      await pageGlobals(other)
      const files = await loadFiles({})
      await expect(files.importLog(new File([ndjson], 'log.ndjson'))).resolves.toEqual({ webhooks: 1, events: 5, deliveries: 5, attempts: 0 })
      const broken = ndjson.replace('"type":"event"', '"type":"evnt"')
      const err = (await files.importLog(new File([broken], 'log.ndjson')).catch((e: unknown) => e)) as ApiError
      expect(err).toMatchObject({ name: 'ApiError', code: 'invalid_input' })
      expect(err.message).toMatch(/^Line \d+: has type "evnt"/)
    } finally {
      await other.close()
    }
  })
})

describe('in the desktop app (IPC transport)', () => {
  test('exportLog goes through the save dialog; importLog reads the picked File by its path; a File not on disk is refused', async () => {
    const t = testCore()
    const other = testCore()
    const downloads = tempDir('hooklab-downloads-')
    try {
      await t.call('webhooks.create', { address: 'http://127.0.0.1:9/a', topics: ['orders/create'] })
      for (let seed = 1; seed <= 4; seed++) await t.call('events.fire', { topic: 'orders/create', seed })
      const saved = join(downloads.path, 'saved.har')
      /** A window's bridge over the real binding (what the preload and ipcMain do between them). */
      const bridgeTo = (core: typeof t.core, paths: Map<File, string>): HooklabBridge => {
        let listener: InvokeListener | null = null
        bindIpc({ handle: (_c, l) => void (listener = l), removeHandler: () => {} }, core, {
          isTrustedSender: () => true,
          webContents: () => [],
          adminApiUrl: () => null,
          prepare: fileDialogs({ defaultDir: () => downloads.path, showSaveDialog: async () => ({ canceled: false, filePath: saved }) }),
        })
        return {
          invoke: async (name, input, meta) => (await listener!({ sender: { id: 1 }, senderFrame: { url: 'app://x' } }, name, input, meta)) as InvokeResult,
          subscribe: () => () => {},
          pathForFile: (file) => paths.get(file) ?? '',
        }
      }
      let files = await loadFiles({ hooklab: bridgeTo(t.core, new Map()) })
      await files.exportLog({}, 'har')
      expect(JSON.parse(readFileSync(saved, 'utf8')).log.version).toBe('1.2')

      const exportPath = join(downloads.path, 'saved.ndjson')
      await t.core.invoke('log.exportToFile', { filter: {}, format: 'ndjson', path: exportPath }, { origin: 'w', role: 'admin', transport: { kind: 'ipc', admin_api_url: null } })
      const picked = new File([readFileSync(exportPath)], 'saved.ndjson')
      files = await loadFiles({ hooklab: bridgeTo(other.core, new Map([[picked, exportPath]])) })
      await expect(files.importLog(picked)).resolves.toEqual({ webhooks: 1, events: 4, deliveries: 4, attempts: 0 })
      await expect(files.importLog(new File(['{}'], 'pasted.ndjson'))).rejects.toMatchObject({ code: 'invalid_input', fields: { file: ['invalid'] } })
    } finally {
      await t.close()
      await other.close()
      downloads.cleanup()
    }
  })
})
