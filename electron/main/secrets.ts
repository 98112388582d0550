import type { KeyWrapper } from '../core/types'

/**
 * The data key's protection in the desktop app (SPEC §8 Secrets): wrapped by
 * safeStorage only when the OS keyring is real. On Linux without a keyring
 * Chromium falls back to 'basic_text' — a hard-coded password, no better than
 * the 0600 key file — so then we pass no wrapper and say so in `app.info`.
 */

/** The part of Electron's safeStorage used here (injected so tests need no Electron). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean
  getSelectedStorageBackend?(): string
  encryptString(plainText: string): Buffer
  decryptString(encrypted: Buffer): string
}

export function canWrapWithSafeStorage(safeStorage: SafeStorageLike, platform: NodeJS.Platform): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend?.()
    return backend !== undefined && backend !== 'basic_text' && backend !== 'unknown'
  }
  return true
}

/** Call after app 'ready': before it, Linux cannot tell which keyring it has. */
export function safeStorageKeyWrapper(safeStorage: SafeStorageLike, platform: NodeJS.Platform): KeyWrapper | undefined {
  if (!canWrapWithSafeStorage(safeStorage, platform)) return undefined
  return {
    kind: 'safe_storage',
    // safeStorage encrypts strings; base64 carries the raw key bytes unchanged.
    wrap: (key) => safeStorage.encryptString(key.toString('base64')),
    unwrap: (wrapped) => Buffer.from(safeStorage.decryptString(wrapped), 'base64'),
  }
}
