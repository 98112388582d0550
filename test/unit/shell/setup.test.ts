import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

// Plain .mjs scripts without declarations: imported untyped.
const binaryScript = '../../../scripts/electron-binary.mjs'
const sqliteScript = '../../../scripts/electron-sqlite.mjs'
type FindElectronBinary = (requireFn: (id: string) => unknown, exists?: (path: string) => boolean) => string | null

const scratch = mkdtempSync(join(tmpdir(), 'hooklab-shell-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('Electron binary detection (npm start)', async () => {
  const { findElectronBinary, electronBinaryIn } = (await import(binaryScript)) as {
    findElectronBinary: FindElectronBinary
    electronBinaryIn(root: string): string | null
  }

  it('is absent when the electron package throws (download skipped)', () => {
    const requireFn = () => {
      throw new Error('Electron failed to install correctly')
    }
    expect(findElectronBinary(requireFn)).toBeNull()
  })

  it('is absent when the path points at nothing', () => {
    expect(findElectronBinary(() => join(scratch, 'no-such-electron'))).toBeNull()
    expect(findElectronBinary(() => '')).toBeNull()
    expect(findElectronBinary(() => ({}))).toBeNull()
  })

  it('is the path when the file exists', () => {
    const binary = join(scratch, 'electron')
    writeFileSync(binary, '')
    expect(findElectronBinary(() => binary)).toBe(binary)
  })

  it("matches what the electron package installed on this machine (path.txt names the binary under dist/)", () => {
    const root = resolve(__dirname, '../../..')
    const pathTxt = join(root, 'node_modules/electron/path.txt')
    const installed = existsSync(pathTxt) ? join(root, 'node_modules/electron/dist', readFileSync(pathTxt, 'utf8').trim()) : null
    expect(electronBinaryIn(root)).toBe(installed !== null && existsSync(installed) ? installed : null)
  })
})

describe('Electron-ABI SQLite build key', async () => {
  const { buildKey, isUpToDate } = (await import(sqliteScript)) as {
    buildKey(k: { electronVersion: string; platform: string; arch: string; betterSqlite3: string }): object
    isUpToDate(root: string, key: object): boolean
  }

  it('builds again when nothing was built', () => {
    const key = buildKey({ electronVersion: '40.0.0', platform: 'linux', arch: 'x64', betterSqlite3: '12.0.0' })
    expect(isUpToDate(scratch, key)).toBe(false)
  })
})
