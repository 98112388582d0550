// better-sqlite3 built for Electron's ABI, beside the Node build (SPEC §8 "SQLite
// in two runtimes"): node_modules keeps the Node build for tests, `serve` and the
// CLI; the desktop app loads this copy through better-sqlite3's `nativeBinding`.
//
// Made in a scratch copy of the package so node_modules is never touched:
// first the project's published prebuilt binary (prebuild-install), else a
// compile against Electron's headers (node-gyp). Both need the internet once.
//
// Used by scripts/start.mjs, and by electron-builder as its `beforePack` hook
// so each packaged platform/arch gets its own build.
import { spawnSync } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { electronVersionIn } from './electron-binary.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
/** Keep in sync with electron/main/paths.ts (NATIVE_BINDING_PATH). */
export const NATIVE_BINDING_PATH = 'out/native/electron/better_sqlite3.node'
const STAMP = 'out/native/electron/build.json'

/** What a build is for; a different one means building again. */
export function buildKey({ electronVersion, platform, arch, betterSqlite3 }) {
  return { electron: electronVersion, platform, arch, betterSqlite3 }
}

export function isUpToDate(root, key) {
  if (!existsSync(join(root, NATIVE_BINDING_PATH)) || !existsSync(join(root, STAMP))) return false
  try {
    return JSON.stringify(JSON.parse(readFileSync(join(root, STAMP), 'utf8'))) === JSON.stringify(key)
  } catch {
    return false
  }
}

function run(command, args, cwd) {
  console.log(`> ${[command, ...args].join(' ')}`)
  return spawnSync(command, args, { cwd, stdio: 'inherit', env: process.env }).status === 0
}

/**
 * @param {{ root?: string, platform?: string, arch?: string, electronVersion?: string }} options
 * @returns {boolean} whether the Electron build is in place
 */
export function prepareElectronSqlite(options = {}) {
  const root = options.root ?? ROOT
  const platform = options.platform ?? process.platform
  const arch = options.arch ?? process.arch
  const electronVersion = options.electronVersion ?? electronVersionIn(root)
  const pkgDir = join(root, 'node_modules/better-sqlite3')
  const betterSqlite3 = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version
  const key = buildKey({ electronVersion, platform, arch, betterSqlite3 })
  if (isUpToDate(root, key)) return true

  console.log(`Building better-sqlite3 ${betterSqlite3} for Electron ${electronVersion} (${platform}-${arch})…`)
  const scratch = mkdtempSync(join(tmpdir(), 'hooklab-sqlite-'))
  try {
    const work = join(scratch, 'better-sqlite3')
    // The Node build (build/) must not be mistaken for the result.
    const nodeBuild = join(pkgDir, 'build')
    cpSync(pkgDir, work, { recursive: true, filter: (src) => src !== nodeBuild && !src.startsWith(nodeBuild + sep) })
    const target = [`--runtime=electron`, `--target=${electronVersion}`, `--arch=${arch}`]
    const built =
      run(process.execPath, [join(root, 'node_modules/prebuild-install/bin.js'), ...target, `--platform=${platform}`], work) ||
      (platform === process.platform &&
        run(
          process.execPath,
          [join(root, 'node_modules/node-gyp/bin/node-gyp.js'), 'rebuild', '--release', ...target, '--dist-url=https://electronjs.org/headers'],
          work,
        ))
    const output = join(work, 'build/Release/better_sqlite3.node')
    if (!built || !existsSync(output)) {
      console.error('Could not build better-sqlite3 for Electron (no prebuilt binary, and compiling failed or needs the internet).')
      return false
    }
    mkdirSync(dirname(join(root, NATIVE_BINDING_PATH)), { recursive: true })
    copyFileSync(output, join(root, NATIVE_BINDING_PATH))
    writeFileSync(join(root, STAMP), `${JSON.stringify(key)}\n`)
    return true
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

// electron-builder's Arch enum, by number (builder-util): no import, no dependency.
const BUILDER_ARCH = ['ia32', 'x64', 'armv7l', 'arm64', 'universal']

/** electron-builder hook: build for the platform and arch being packed. */
export async function beforePack(context) {
  const arch = BUILDER_ARCH[context.arch] ?? process.arch
  if (arch === 'universal') throw new Error('Universal macOS builds need one better-sqlite3 per arch; pack x64 and arm64 separately.')
  const ok = prepareElectronSqlite({ platform: context.electronPlatformName, arch })
  if (!ok) throw new Error('better-sqlite3 for Electron is missing; packaging stops rather than ship an app that cannot open its store.')
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(prepareElectronSqlite() ? 0 : 1)
}
