import { join } from 'node:path'
import type { InvokeResult } from '../core/contract/bridge'
import type { ProcedureName } from '../core/contract/names'

/**
 * The desktop app's side of export (issue 9 item 5): the page asks for `log.exportToFile`
 * with a filter and a format, and the main process asks the user where to save it. The page
 * never chooses a path to write: one it sends is replaced by the dialog's answer, so a
 * compromised page cannot write files where it likes. (Import reads the path of a file the
 * user picked or dropped, given by the preload's `pathForFile`; reading an NDJSON export
 * can only add disabled webhooks and their history.)
 */

export interface SaveDialogOptions {
  title: string
  defaultPath: string
  filters: Array<{ name: string; extensions: string[] }>
}

/** Electron's `dialog.showSaveDialog`, modal to the window that asked; tests pass a fake. */
export type ShowSaveDialog = (senderId: number, options: SaveDialogOptions) => Promise<{ canceled: boolean; filePath?: string }>

/** What to do with a call before it reaches the core: go on with this input, or answer now. */
export type PreparedCall = { input: unknown } | { answer: InvokeResult }

const FILTERS: Record<'ndjson' | 'har', { name: string; extensions: string[] }> = {
  ndjson: { name: 'Hooklab export (NDJSON)', extensions: ['ndjson'] },
  har: { name: 'HAR (browser devtools)', extensions: ['har'] },
}

const pad = (n: number) => String(n).padStart(2, '0')

/** `hooklab-log-2026-01-02-0304.ndjson`, in the user's time zone. */
export function defaultExportName(format: 'ndjson' | 'har', now: Date): string {
  return `hooklab-log-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}.${format}`
}

export interface FileDialogOptions {
  showSaveDialog: ShowSaveDialog
  /** Where the dialog opens (the user's Downloads folder). */
  defaultDir(): string
  now?: () => Date
}

/** The binding's `prepare` step for procedures that name a file on this machine. */
export function fileDialogs(options: FileDialogOptions): (name: ProcedureName, input: unknown, senderId: number) => Promise<PreparedCall> {
  return async (name, input, senderId) => {
    // Anything else, or an input the core will refuse by its fields anyway, goes on untouched.
    if (name !== 'log.exportToFile' || typeof input !== 'object' || input === null || Array.isArray(input)) return { input }
    const format = Object.hasOwn(input, 'format') && (input as { format: unknown }).format === 'har' ? 'har' : 'ndjson'
    const chosen = await options.showSaveDialog(senderId, {
      title: format === 'har' ? 'Export the log as HAR' : 'Export the log',
      defaultPath: join(options.defaultDir(), defaultExportName(format, (options.now ?? (() => new Date()))())),
      filters: [FILTERS[format]],
    })
    if (chosen.canceled || !chosen.filePath) return { answer: { ok: true, value: { path: null, deliveries: 0 } } }
    // Spread defines own properties only: a `__proto__` key stays a key, for the core to refuse.
    return { input: { ...input, path: chosen.filePath } }
  }
}
