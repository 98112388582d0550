import Database from 'better-sqlite3'
import { migrate } from './migrate'
import { MIGRATIONS } from './migrations'

export type Db = Database.Database

export interface OpenOptions {
  /** A better-sqlite3 addon built for another ABI (the desktop app passes Electron's). */
  nativeBinding?: string
}

/** Opens (creating if needed) the store and brings its schema up to date. */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  migrate(db, MIGRATIONS)
  return db
}
