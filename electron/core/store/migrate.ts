import { createHash } from 'node:crypto'
import type Database from 'better-sqlite3'

export interface Migration {
  version: number
  name: string
  sql: string
}

export class MigrationError extends Error {
  override name = 'MigrationError'
}

// Line endings are normalised so that a Windows checkout (autocrlf) does not look like an edited migration.
const checksum = (sql: string) => createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex')

/**
 * Forward-only migrations, each in its own transaction and recorded with its
 * checksum. A migration that changed after it was applied is refused: the
 * database would no longer match what the code believes its schema is.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[]): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    checksum TEXT NOT NULL,
    applied_on TEXT NOT NULL
  )`)
  const applied = new Map(
    (db.prepare('SELECT version, name, checksum FROM schema_migrations').all() as Array<{ version: number; name: string; checksum: string }>).map(
      (row) => [row.version, row],
    ),
  )
  const ordered = [...migrations].sort((a, b) => a.version - b.version)
  ordered.forEach((m, i) => {
    if (m.version !== i + 1) throw new MigrationError(`Migrations must be numbered 1..n without gaps; found ${m.version} at position ${i + 1}`)
  })
  const known = new Set(ordered.map((m) => m.version))
  for (const version of applied.keys()) {
    if (!known.has(version)) throw new MigrationError(`The database has migration ${version}, which this version of Hooklab does not know (a newer version wrote it)`)
  }
  const ran: number[] = []
  for (const m of ordered) {
    const done = applied.get(m.version)
    if (done) {
      if (done.checksum !== checksum(m.sql)) throw new MigrationError(`Migration ${m.version} (${m.name}) changed after it was applied`)
      continue
    }
    db.transaction(() => {
      db.exec(m.sql)
      db.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_on) VALUES (?, ?, ?, ?)').run(
        m.version,
        m.name,
        checksum(m.sql),
        new Date().toISOString(),
      )
    })()
    ran.push(m.version)
  }
  return ran
}
