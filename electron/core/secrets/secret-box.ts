import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

/** AES-256-GCM; the stored form is `v1:<iv>:<tag>:<ciphertext>`, each base64. */
export class SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('SecretBox needs a 32-byte key')
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', this.key, iv)
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
    return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(':')
  }

  decrypt(sealed: string): string {
    const [version, iv, tag, data] = sealed.split(':')
    if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('Not a Hooklab secret')
    const authTag = Buffer.from(tag, 'base64')
    // A short tag would make forgery cheap: only the full 16 bytes are accepted.
    if (authTag.length !== 16) throw new Error('Not a Hooklab secret')
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'), { authTagLength: 16 })
    decipher.setAuthTag(authTag)
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8')
  }
}
