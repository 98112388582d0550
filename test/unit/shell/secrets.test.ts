import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { canWrapWithSafeStorage, safeStorageKeyWrapper, type SafeStorageLike } from '../../../electron/main/secrets'

/** A stand-in for Electron's safeStorage: reversible, and visibly not the plain text. */
function fakeSafeStorage(available: boolean, backend?: string): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: backend === undefined ? undefined : () => backend,
    encryptString: (text) => Buffer.from(`enc:${Buffer.from(text).toString('hex')}`),
    decryptString: (data) => {
      const s = data.toString()
      if (!s.startsWith('enc:')) throw new Error('not ours')
      return Buffer.from(s.slice(4), 'hex').toString()
    },
  }
}

describe('safeStorage key wrapper', () => {
  it('wraps only when the OS keyring is real', () => {
    expect(canWrapWithSafeStorage(fakeSafeStorage(true), 'darwin')).toBe(true)
    expect(canWrapWithSafeStorage(fakeSafeStorage(true), 'win32')).toBe(true)
    expect(canWrapWithSafeStorage(fakeSafeStorage(false), 'darwin')).toBe(false)
    expect(canWrapWithSafeStorage(fakeSafeStorage(true, 'gnome_libsecret'), 'linux')).toBe(true)
    expect(canWrapWithSafeStorage(fakeSafeStorage(true, 'kwallet6'), 'linux')).toBe(true)
    // Chromium's fallback password is no protection: keep the plain 0600 key file.
    expect(canWrapWithSafeStorage(fakeSafeStorage(true, 'basic_text'), 'linux')).toBe(false)
    expect(canWrapWithSafeStorage(fakeSafeStorage(true, 'unknown'), 'linux')).toBe(false)
    expect(canWrapWithSafeStorage(fakeSafeStorage(false, 'gnome_libsecret'), 'linux')).toBe(false)
    expect(safeStorageKeyWrapper(fakeSafeStorage(true, 'basic_text'), 'linux')).toBeUndefined()
  })

  it('round-trips any key bytes, and never stores them in the clear', () => {
    const wrapper = safeStorageKeyWrapper(fakeSafeStorage(true, 'gnome_libsecret'), 'linux')
    expect(wrapper?.kind).toBe('safe_storage')
    const key = randomBytes(32)
    const wrapped = wrapper!.wrap(key)
    expect(wrapped.includes(key)).toBe(false)
    expect(wrapper!.unwrap(wrapped).equals(key)).toBe(true)
  })
})
