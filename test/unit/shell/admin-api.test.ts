import { describe, expect, it } from 'vitest'
import { adminApiAction, adminApiController, type RunningServer } from '../../../electron/main/admin-api'

describe('admin API decision', () => {
  it('follows the settings', () => {
    expect(adminApiAction(null, { admin_api_enabled: false, admin_api_port: 7788 })).toBe('none')
    expect(adminApiAction(7788, { admin_api_enabled: false, admin_api_port: 7788 })).toBe('stop')
    expect(adminApiAction(null, { admin_api_enabled: true, admin_api_port: 7788 })).toBe('start')
    expect(adminApiAction(7788, { admin_api_enabled: true, admin_api_port: 7788 })).toBe('none')
    expect(adminApiAction(7788, { admin_api_enabled: true, admin_api_port: 7799 })).toBe('restart')
    expect(adminApiAction(41234, { admin_api_enabled: true, admin_api_port: 0 })).toBe('none')
  })
})

describe('admin API controller', () => {
  function setup(failPorts: number[] = []) {
    const log: string[] = []
    let url: string | null = null
    const controller = adminApiController({
      start: async (port): Promise<RunningServer> => {
        if (failPorts.includes(port)) throw new Error('EADDRINUSE')
        const real = port === 0 ? 40000 : port
        log.push(`start ${real}`)
        return { url: `http://127.0.0.1:${real}`, port: real, close: async () => void log.push(`close ${real}`) }
      },
      setAdminApiUrl: (next) => {
        url = next
      },
      log: (message) => log.push(`log ${message}`),
    })
    return { controller, log, url: () => url }
  }

  it('starts, moves, stops, and tells the core where it answers', async () => {
    const { controller, log, url } = setup()
    await controller.apply({ admin_api_enabled: true, admin_api_port: 7788 })
    expect(url()).toBe('http://127.0.0.1:7788/admin/')
    await controller.apply({ admin_api_enabled: true, admin_api_port: 7788 })
    await controller.apply({ admin_api_enabled: true, admin_api_port: 7799 })
    expect(url()).toBe('http://127.0.0.1:7799/admin/')
    await controller.apply({ admin_api_enabled: false, admin_api_port: 7799 })
    expect(url()).toBeNull()
    expect(log).toEqual(['start 7788', 'close 7788', 'start 7799', 'close 7799'])
  })

  it('applies quick changes one at a time', async () => {
    const { controller, log } = setup()
    void controller.apply({ admin_api_enabled: true, admin_api_port: 1 })
    void controller.apply({ admin_api_enabled: true, admin_api_port: 2 })
    await controller.close()
    expect(log).toEqual(['start 1', 'close 1', 'start 2', 'close 2'])
  })

  it('keeps the app running when the port is taken', async () => {
    const { controller, log, url } = setup([7788])
    await expect(controller.apply({ admin_api_enabled: true, admin_api_port: 7788 })).resolves.toBeUndefined()
    expect(url()).toBeNull()
    expect(log).toEqual(['log Admin API could not start on port 7788'])
  })
})
