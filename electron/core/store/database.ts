import { chmodSync, existsSync } from 'node:fs'
import Database from 'better-sqlite3'
import { ensurePrivateFile } from '../data-dir/prepare'
import { foldForSearch } from '../text/fold'
import { migrate } from './migrate'
import { MIGRATIONS } from './migrations'

export type Db = Database.Database

export interface OpenOptions {
  /** A better-sqlite3 addon built for another ABI (the desktop app passes Electron's). */
  nativeBinding?: string
}

/**
 * Repositories call `db.prepare(sql)` where they need it; compiling the same SQL again on
 * every delivery is the engine's largest cost, so prepared statements are kept by their text.
 * (Statements here are only run, never iterated, so sharing one is safe.)
 */
function cacheStatements(db: Db): void {
  const prepare = db.prepare.bind(db)
  const cache = new Map<string, Database.Statement>()
  db.prepare = ((sql: string) => {
    let statement = cache.get(sql)
    if (!statement) {
      statement = prepare(sql)
      cache.set(sql, statement)
    }
    return statement
  }) as Db['prepare']
}

/** Opens (creating if needed) the store, private to this user, and brings its schema up to date. */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  // Created 0600 before SQLite opens it: SQLite gives its -wal and -shm files the same mode.
  ensurePrivateFile(file)
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
  // Takes effect only in a new, empty file: log.compact can then free pages in place (an
  // older file is switched by its first compaction's VACUUM).
  db.pragma('auto_vacuum = INCREMENTAL')
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  // Freed pages are zeroed, so a replaced credential does not linger in the file.
  db.pragma('secure_delete = ON')
  db.function('hooklab_fold', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? foldForSearch(text) : ''))
  for (const side of ['-wal', '-shm']) if (existsSync(file + side)) chmodSync(file + side, 0o600)
  migrate(db, MIGRATIONS)
  cacheStatements(db)
  return db
}
