import { DataDirBusyError } from '../core/data-dir/owner'

/**
 * What the "could not start" dialog says: the error, plus the one step that
 * fixes the two failures people actually meet.
 */
export function startupErrorMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err)
  if (err instanceof DataDirBusyError) {
    return `${message}. Stop it first, or start Hooklab with HOOKLAB_DATA_DIR set to another folder.`
  }
  // better-sqlite3 built for Node, loaded by Electron: the Electron-ABI copy is missing.
  if (/NODE_MODULE_VERSION|better_sqlite3\.node/.test(message)) {
    return `${message}\n\nSQLite has not been built for this Electron yet. Start Hooklab with \`npm start\` (online once), which builds it.`
  }
  return message
}
