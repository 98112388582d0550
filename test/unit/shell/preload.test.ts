import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { HooklabBridge } from '../../../electron/core/contract/bridge'

/* The preload with Electron's contextBridge and ipcRenderer faked: what the page gets, and what it sends. */

const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void
  const exposed = new Map<string, unknown>()
  const listeners = new Map<string, Set<Listener>>()
  const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'from main' }))
  const getPathForFile = vi.fn((file: File) => `/home/u/Downloads/${file.name}`)
  const electron = {
    webUtils: { getPathForFile },
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void exposed.set(key, api) },
    ipcRenderer: {
      invoke,
      on: (channel: string, fn: Listener) => void (listeners.get(channel) ?? listeners.set(channel, new Set()).get(channel)!).add(fn),
      removeListener: (channel: string, fn: Listener) => void listeners.get(channel)?.delete(fn),
    },
  }
  const push = (...args: unknown[]) => listeners.get('hooklab:event')?.forEach((fn) => fn({ sender: 'ipc event' }, ...args))
  return { electron, exposed, listeners, invoke, push, getPathForFile }
})

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }))

let bridge: HooklabBridge
beforeAll(async () => {
  await import('../../../electron/preload/index')
  bridge = fake.exposed.get('hooklab') as HooklabBridge
})
beforeEach(() => fake.invoke.mockClear())

describe('preload bridge', () => {
  it('exposes window.hooklab with invoke, subscribe and pathForFile, nothing else', () => {
    expect([...fake.exposed.keys()]).toEqual(['hooklab'])
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'pathForFile', 'subscribe'])
  })

  it('pathForFile reads a picked File\'s path through webUtils (for a desktop import), and only for a File', () => {
    expect(bridge.pathForFile(new File(['{}'], 'log.ndjson'))).toBe('/home/u/Downloads/log.ndjson')
    expect(fake.getPathForFile).toHaveBeenCalledTimes(1)
    expect(() => bridge.pathForFile({ name: 'x', path: '/etc/passwd' } as unknown as File)).toThrow(TypeError)
    expect(fake.getPathForFile).toHaveBeenCalledTimes(1)
  })

  it('sends contract procedures on the invoke channel, with only the origin string as meta', async () => {
    await expect(bridge.invoke('webhooks.list', { page: 2 }, { origin: 'client-1' })).resolves.toEqual({ ok: true, value: 'from main' })
    expect(fake.invoke).toHaveBeenCalledWith('hooklab:invoke', 'webhooks.list', { page: 2 }, { origin: 'client-1' })
    const sneaky = { origin: 'c', extra: () => 1 } as unknown as { origin: string }
    await bridge.invoke('app.info', {}, sneaky)
    await bridge.invoke('app.info', {})
    expect(fake.invoke.mock.calls.map((c) => c[3])).toEqual([{ origin: 'client-1' }, { origin: 'c' }, {}])
  })

  it('answers an unknown procedure itself, without a round trip', async () => {
    await expect(bridge.invoke('shell.openExternal', { url: 'https://x' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'unknown_procedure' },
    })
    expect(fake.invoke).not.toHaveBeenCalled()
  })

  it('delivers only the subscribed event, without the IPC event object, until unsubscribed', () => {
    const got: unknown[] = []
    const off = bridge.subscribe('webhooks.changed', (payload) => got.push(payload))
    fake.push('settings.changed', { origin: 'x' })
    fake.push('webhooks.changed', { action: 'created', ids: [1], origin: 'y' })
    off()
    fake.push('webhooks.changed', { action: 'deleted', ids: [1], origin: 'y' })
    expect(got).toEqual([{ action: 'created', ids: [1], origin: 'y' }])
    expect(fake.listeners.get('hooklab:event')?.size).toBe(0)
  })

  it('refuses unknown events and non-function listeners', () => {
    expect(() => bridge.subscribe('ipc:anything', () => {})).toThrow(TypeError)
    expect(() => bridge.subscribe('webhooks.changed', 'nope' as unknown as () => void)).toThrow(TypeError)
  })
})
