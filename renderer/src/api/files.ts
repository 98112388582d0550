import type { ErrorCode, ExportFormat, ImportResult, LogFilter, SerializedError } from '@contract'
import { call, origin, transportKind } from './client'
import { ApiError } from './errors'

/**
 * Export and import of the event log (issue 9 item 5) on both transports. Files never pass
 * through the page's memory: under `hooklab serve` the server streams the download and reads
 * the upload as it arrives; in the desktop app the core reads and writes the files itself,
 * the main process asking where to save.
 */

/** Where `hooklab serve` streams an export: same origin, so the session cookie goes with it. */
export function exportUrl(filter: LogFilter, format: ExportFormat): string {
  return `/files/export?${new URLSearchParams({ format, filter: JSON.stringify(filter) })}`
}

/**
 * Exports what `filter` selects. On the web it starts a download (the browser saves it as it
 * arrives); in the desktop app it resolves once the file is written, or at once when the user
 * cancels the save dialog.
 */
export async function exportLog(filter: LogFilter, format: ExportFormat): Promise<void> {
  if (transportKind === 'ipc') {
    await call('log.exportToFile', { filter, format })
    return
  }
  const url = exportUrl(filter, format)
  // A HEAD first (checked by the server, nothing streamed): a refusal (a session gone, a bad
  // filter) becomes an ApiError here instead of a downloaded file holding the error.
  const check = await request(url, { method: 'HEAD', credentials: 'same-origin' })
  if (!check.ok) throw new ApiError({ code: CODE_OF_STATUS[check.status] ?? 'internal', message: `The export was refused (HTTP ${check.status})` })
  const link = document.createElement('a')
  link.href = url
  // Empty: the server's Content-Disposition names the file.
  link.download = ''
  link.rel = 'noopener'
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
}

/**
 * Imports an NDJSON export the user picked or dropped. On the web the File is streamed as the
 * request body; in the desktop app the core reads it by its path (the preload's `pathForFile`).
 * A refusal is an ApiError whose message names the line and the reason.
 */
export async function importLog(file: File): Promise<ImportResult> {
  if (transportKind === 'ipc') {
    const path = window.hooklab?.pathForFile(file) ?? ''
    if (path === '') throw new ApiError({ code: 'invalid_input', message: 'This file is not on the disk: save it to a folder first, then import it', fields: { file: ['invalid'] } })
    return call('log.importFromFile', { path })
  }
  const response = await request('/files/import', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/x-ndjson', 'X-Hooklab-Client': origin },
    body: file,
  })
  return answerOf<ImportResult>(response)
}

const CODE_OF_STATUS: Partial<Record<number, ErrorCode>> = { 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 422: 'invalid_input', 503: 'unavailable' }

async function request(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init)
  } catch (err) {
    throw new ApiError({ code: 'network', message: err instanceof Error ? err.message : String(err) })
  }
}

/** The value of /rpc's envelope, which /files answers too; an ApiError for a refusal. */
async function answerOf<T>(response: Response): Promise<T> {
  let answer: { ok: true; value: T } | { ok: false; error: SerializedError }
  try {
    answer = (await response.json()) as typeof answer
  } catch {
    throw new ApiError({ code: CODE_OF_STATUS[response.status] ?? 'internal', message: `HTTP ${response.status}` })
  }
  if (!answer.ok) throw new ApiError(answer.error)
  return answer.value
}
