/**
 * IPC channel names, shared by the main-process binding and the preload. Kept
 * in a file with no imports so the sandboxed preload bundle stays tiny.
 */
export const INVOKE_CHANNEL = 'hooklab:invoke'
export const EVENT_CHANNEL = 'hooklab:event'
