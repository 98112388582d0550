// Is there an Electron binary to run? Dependency-free, shared by start.mjs and
// the shell's tests. The `electron` package's main module returns the binary's
// path, but throws when its download never happened (ELECTRON_SKIP_BINARY_DOWNLOAD,
// an offline machine) — and a path can still point at nothing after a broken unpack.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

/**
 * @param {(id: string) => unknown} requireFn resolves 'electron' (createRequire in the repo)
 * @param {(path: string) => boolean} exists
 * @returns {string | null} the binary's path, or null when there is none
 */
export function findElectronBinary(requireFn, exists = existsSync) {
  let binary
  try {
    binary = requireFn('electron')
  } catch {
    return null
  }
  return typeof binary === 'string' && binary !== '' && exists(binary) ? binary : null
}

/** @param {string} root the repo */
export function electronBinaryIn(root) {
  return findElectronBinary(createRequire(join(root, 'package.json')))
}

/** @param {string} root the repo; @returns {string} Electron's version, e.g. "40.10.2" */
export function electronVersionIn(root) {
  return JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version
}
