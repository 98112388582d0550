import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { migrate, MigrationError } from '../../../../electron/core/store/migrate'
import { MIGRATIONS } from '../../../../electron/core/store/migrations'
import { openDatabase } from '../../../../electron/core/store/database'
import { tempDir } from '../../../support/temp-dir'

let dir: ReturnType<typeof tempDir>
beforeEach(() => (dir = tempDir()))
afterEach(() => dir.cleanup())

test('an empty database gets every migration, recorded with its checksum, in WAL mode', () => {
  const db = openDatabase(join(dir.path, 'h.db'))
  const rows = db.prepare('SELECT version, name, checksum FROM schema_migrations').all() as Array<{ version: number; name: string; checksum: string }>
  expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version))
  expect(rows[0].checksum).toMatch(/^[0-9a-f]{64}$/)
  expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((t) => t.name)
  expect(tables).toEqual(expect.arrayContaining(['webhooks', 'tokens', 'schema_migrations']))
  db.close()
})

test('opening again applies nothing twice', () => {
  const file = join(dir.path, 'h.db')
  openDatabase(file).close()
  const db = new Database(file)
  expect(migrate(db, MIGRATIONS)).toEqual([])
  db.close()
})

test('a migration changed after it was applied is refused at start', () => {
  const db = new Database(join(dir.path, 'h.db'))
  migrate(db, [{ version: 1, name: 'one', sql: 'CREATE TABLE a (x)' }])
  expect(() => migrate(db, [{ version: 1, name: 'one', sql: 'CREATE TABLE a (x, y)' }])).toThrow(MigrationError)
  db.close()
})

test('a failing migration leaves nothing half-applied', () => {
  const db = new Database(join(dir.path, 'h.db'))
  migrate(db, [{ version: 1, name: 'one', sql: 'CREATE TABLE a (x)' }])
  const broken = [
    { version: 1, name: 'one', sql: 'CREATE TABLE a (x)' },
    { version: 2, name: 'two', sql: 'CREATE TABLE b (x); INSERT INTO nowhere VALUES (1)' },
  ]
  expect(() => migrate(db, broken)).toThrow()
  expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get()).toBeUndefined()
  expect(db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get()).toEqual({ v: 1 })
  db.close()
})

test('gaps in numbering and migrations from a newer version are refused', () => {
  const db = new Database(join(dir.path, 'h.db'))
  expect(() => migrate(db, [{ version: 2, name: 'two', sql: 'SELECT 1' }])).toThrow(/without gaps/)
  migrate(db, [
    { version: 1, name: 'one', sql: 'SELECT 1' },
    { version: 2, name: 'two', sql: 'SELECT 1' },
  ])
  expect(() => migrate(db, [{ version: 1, name: 'one', sql: 'SELECT 1' }])).toThrow(/newer version/)
  db.close()
})
