import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { menuTemplate } from '../../../electron/main/menu'
import { NATIVE_BINDING_PATH, shellPaths } from '../../../electron/main/paths'

// The build scripts are plain .mjs without declarations: import them untyped.
const electronSqliteScript = '../../../scripts/electron-sqlite.mjs'

describe('shell paths', () => {
  it('finds the bundles beside package.json in development', () => {
    const p = shellPaths('/repo')
    expect(p.preload).toBe(join('/repo', 'out/preload/index.cjs'))
    expect(p.indexHtml).toBe(join('/repo', 'out/renderer/index.html'))
    expect(p.nativeBinding).toBe(join('/repo', 'out/native/electron/better_sqlite3.node'))
  })

  it('loads the native module from outside the asar archive when packaged', () => {
    const p = shellPaths('/opt/Hooklab/resources/app.asar')
    expect(p.preload).toBe(join('/opt/Hooklab/resources/app.asar', 'out/preload/index.cjs'))
    expect(p.nativeBinding).toBe(join('/opt/Hooklab/resources/app.asar.unpacked', NATIVE_BINDING_PATH))
  })

  it('agrees with the script that builds the native module', async () => {
    const script = (await import(electronSqliteScript)) as { NATIVE_BINDING_PATH: string }
    expect(script.NATIVE_BINDING_PATH).toBe(NATIVE_BINDING_PATH)
  })
})

describe('menu', () => {
  const roles = (isDev: boolean) =>
    JSON.stringify(menuTemplate({ isDev, isMac: false, newWindow: () => {} }), (key, value) =>
      typeof value === 'function' ? undefined : value,
    )

  it('offers reload only in development', () => {
    expect(roles(true)).toContain('"reload"')
    expect(roles(false)).not.toContain('"reload"')
    expect(roles(false)).not.toContain('forceReload')
  })

  it('has File, Edit, View, Window and Help', () => {
    const top = menuTemplate({ isDev: false, isMac: false, newWindow: () => {} }).map((m) => m.label ?? m.role)
    expect(top).toEqual(['File', 'editMenu', 'View', 'windowMenu', 'help'])
  })
})

describe('startup error message', async () => {
  const { startupErrorMessage } = await import('../../../electron/main/startup-error')
  const { DataDirBusyError } = await import('../../../electron/core/data-dir/owner')

  it('says how to free a data directory another Hooklab owns', () => {
    const err = new DataDirBusyError({ pid: 42, port: 7788, kind: 'serve', started_on: '' })
    expect(startupErrorMessage(err)).toMatch(/pid 42.*HOOKLAB_DATA_DIR/s)
  })

  it('says how to get SQLite built for Electron', () => {
    const err = new Error("The module 'better_sqlite3.node' was compiled against NODE_MODULE_VERSION 115. This version requires 143.")
    expect(startupErrorMessage(err)).toContain('npm start')
    expect(startupErrorMessage('plain')).toBe('plain')
  })
})
