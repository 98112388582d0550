import { pathToFileURL } from 'node:url'
import type { BrowserWindowConstructorOptions } from 'electron'
import { contentSecurityPolicy } from '../core/security/csp'

/**
 * The shell's security decisions, as pure functions so vitest checks them in
 * plain Node (DESIGN "Testing the shell without an Electron binary"). Only
 * `electron/main/index.ts` and `window.ts` hand them to Electron.
 */

/** Where the app's own page lives: the built index.html, or the dev server. */
export type AppOrigin = { kind: 'file'; indexPath: string } | { kind: 'http'; origin: string }

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * The dev server (ELECTRON_RENDERER_URL, set by `electron-vite dev`) is used
 * only by an unpackaged app and only on loopback: an environment variable must
 * never point an installed Hooklab, with its admin session, at someone's site.
 */
export function appOriginFor(indexPath: string, devServerUrl: string | undefined, isPackaged: boolean): AppOrigin {
  if (devServerUrl && !isPackaged) {
    try {
      const url = new URL(devServerUrl)
      if ((url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(url.hostname)) {
        return { kind: 'http', origin: url.origin }
      }
    } catch {
      // Not a URL: fall through to the built files.
    }
  }
  return { kind: 'file', indexPath }
}

/** The URL the window loads for an origin (the dev server's root, or the file). */
export function appEntryUrl(appOrigin: AppOrigin): string {
  return appOrigin.kind === 'http' ? `${appOrigin.origin}/` : pathToFileURL(appOrigin.indexPath).href
}

export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    title: 'Hooklab',
    // Shown on 'ready-to-show' so the user never sees an empty white frame.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // No `devTools: false`: developers debugging their receivers need the console.
    },
  }
}

/** The window's policy (core/security/csp.ts writes it once for every transport). */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy({ kind: 'ipc' })

/**
 * The one gate of the IPC transport (DESIGN rule 3): a call is served only
 * when the sending frame shows the app's own page. Query and hash are ignored
 * (the renderer routes with the hash); anything else — another file, another
 * host, devtools://, an empty or missing URL — is refused.
 */
export function isTrustedSender(url: string | null | undefined, appOrigin: AppOrigin): boolean {
  if (typeof url !== 'string' || url === '') return false
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (appOrigin.kind === 'http') {
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.origin === appOrigin.origin
  }
  if (parsed.protocol !== 'file:') return false
  parsed.hash = ''
  parsed.search = ''
  return parsed.href === pathToFileURL(appOrigin.indexPath).href
}

/**
 * 'will-frame-navigate': the window never leaves the app's page. Reloads and
 * hash routes do not raise the event; a link to anywhere else is stopped
 * (external links are not opened either — nothing in the UI needs them yet).
 */
export function isNavigationAllowed(url: string, appOrigin: AppOrigin): boolean {
  return isTrustedSender(url, appOrigin)
}

/** setWindowOpenHandler: no page may open a window (or a popup to the web). */
export function windowOpenHandler(): { action: 'deny' } {
  return { action: 'deny' }
}

/**
 * Permission requests and checks. Everything is denied except writing to the
 * clipboard from the app's own page: the webhook list copies ids on click
 * (SPEC §1) through navigator.clipboard, which Chromium gates behind
 * 'clipboard-sanitized-write'.
 */
export function isPermissionGranted(permission: string, requestingUrl: string | undefined, appOrigin: AppOrigin): boolean {
  return permission === 'clipboard-sanitized-write' && isTrustedSender(requestingUrl, appOrigin)
}

export type ResponseHeaders = Record<string, string[] | string>

/**
 * session.webRequest.onHeadersReceived: every response gets our CSP, replacing
 * any the dev server (or anything else) sent, whatever its header case.
 */
export function withContentSecurityPolicy(headers: ResponseHeaders | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue
    out[name] = Array.isArray(value) ? value : [value]
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY]
  return out
}
