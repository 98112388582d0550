import type { SecretBox } from '../secrets/secret-box'
import { redactAddress, redactAllHeaders } from '../webhooks/redact'
import type { Db } from './database'
import type { WebhooksRepo } from './webhooks-repo'

/**
 * Rows written before migration 002 hold addresses and header values in clear. They
 * are sealed once, at the first start after the upgrade; then the file is vacuumed and
 * the WAL truncated, so the old plaintext pages do not stay behind on disk.
 */
export function sealLegacyRows(db: Db, repo: WebhooksRepo, box: SecretBox): number {
  const rows = repo.unsealed()
  if (rows.length === 0) return 0
  db.transaction(() => {
    for (const row of rows) {
      const headers = JSON.parse(row.headers) as Record<string, string>
      repo.update(row.id, {
        address: redactAddress(row.address),
        address_enc: box.encrypt(row.address),
        headers: redactAllHeaders(headers),
        headers_enc: box.encrypt(JSON.stringify(headers)),
      })
    }
  })()
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.exec('VACUUM')
  return rows.length
}
