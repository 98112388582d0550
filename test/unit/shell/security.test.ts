import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  appEntryUrl,
  appOriginFor,
  CONTENT_SECURITY_POLICY,
  isNavigationAllowed,
  isPermissionGranted,
  isTrustedSender,
  windowOpenHandler,
  windowOptions,
  withContentSecurityPolicy,
  type AppOrigin,
} from '../../../electron/main/security'

const INDEX = '/opt/Hooklab/resources/app.asar/out/renderer/index.html'
const fileApp: AppOrigin = { kind: 'file', indexPath: INDEX }
const devApp: AppOrigin = { kind: 'http', origin: 'http://localhost:5173' }
const indexUrl = pathToFileURL(INDEX).href

describe('window options', () => {
  const prefs = windowOptions('/app/out/preload/index.cjs').webPreferences ?? {}

  it('isolates and sandboxes the page', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs')
    expect(prefs.contextIsolation).toBe(true)
    expect(prefs.sandbox).toBe(true)
    expect(prefs.nodeIntegration).toBe(false)
    expect(prefs.nodeIntegrationInWorker).toBe(false)
    expect(prefs.nodeIntegrationInSubFrames).toBe(false)
  })

  it('keeps web security on and the risky features off', () => {
    expect(prefs.webSecurity).toBe(true)
    expect(prefs.allowRunningInsecureContent).toBe(false)
    expect(prefs.webviewTag).toBe(false)
    expect(prefs.experimentalFeatures).toBe(false)
    expect(prefs.navigateOnDragDrop).toBe(false)
    expect(prefs.spellcheck).toBe(false)
  })

  it('waits for the first paint before showing', () => {
    expect(windowOptions('/p').show).toBe(false)
  })
})

describe('content security policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/)
      return [name, values] as const
    }),
  )

  it('never allows eval, and inline code only for styles', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval')
    expect(CONTENT_SECURITY_POLICY).not.toContain('wasm-unsafe-eval')
    for (const [name, values] of directives) {
      if (name !== 'style-src') expect(values, name).not.toContain("'unsafe-inline'")
    }
    expect(directives.get('style-src')).toContain("'unsafe-inline'")
  })

  it('denies by default and loads scripts from the app only', () => {
    expect(directives.get('default-src')).toEqual(["'none'"])
    expect(directives.get('script-src')).toEqual(["'self'"])
    expect(directives.get('object-src')).toEqual(["'none'"])
    expect(directives.get('base-uri')).toEqual(["'none'"])
    expect(directives.get('frame-ancestors')).toEqual(["'none'"])
  })

  it('is set on every response, replacing any other CSP whatever its case', () => {
    const headers = withContentSecurityPolicy({
      'content-security-policy': ["default-src *"],
      'CONTENT-SECURITY-POLICY': 'script-src * unsafe-eval',
      'Content-Type': 'text/html',
    })
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    })
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] })
  })
})

describe('sender check', () => {
  it("accepts the app's own page, with any hash route or query", () => {
    expect(isTrustedSender(indexUrl, fileApp)).toBe(true)
    expect(isTrustedSender(`${indexUrl}#/webhooks`, fileApp)).toBe(true)
    expect(isTrustedSender(`${indexUrl}?lang=vi#/log`, fileApp)).toBe(true)
  })

  it('refuses another file, another folder, and a file on another host', () => {
    expect(isTrustedSender(pathToFileURL('/tmp/evil/index.html').href, fileApp)).toBe(false)
    expect(isTrustedSender(pathToFileURL('/opt/Hooklab/resources/app.asar/out/renderer/other.html').href, fileApp)).toBe(false)
    expect(isTrustedSender(pathToFileURL(`${INDEX}.html`).href, fileApp)).toBe(false)
    expect(isTrustedSender(`file://evil.example${INDEX}`, fileApp)).toBe(false)
    // A path that normalises onto index.html from elsewhere is still that file: fine.
    expect(isTrustedSender(indexUrl.replace('/out/renderer/', '/out/../out/renderer/'), fileApp)).toBe(true)
  })

  it('refuses the web, devtools, blank and missing URLs', () => {
    for (const url of [
      'http://evil.example/',
      'https://evil.example/index.html',
      'http://localhost:5173/',
      'devtools://devtools/bundled/inspector.html',
      'chrome-extension://abc/index.html',
      'about:blank',
      'data:text/html,<script>1</script>',
      '',
      'not a url',
      undefined,
      null,
    ]) {
      expect(isTrustedSender(url, fileApp), String(url)).toBe(false)
    }
  })

  it('in development trusts the dev server origin only', () => {
    expect(isTrustedSender('http://localhost:5173/', devApp)).toBe(true)
    expect(isTrustedSender('http://localhost:5173/#/settings', devApp)).toBe(true)
    expect(isTrustedSender('http://localhost:5174/', devApp)).toBe(false)
    expect(isTrustedSender('http://127.0.0.1:5173/', devApp)).toBe(false)
    expect(isTrustedSender('http://localhost:5173.evil.example/', devApp)).toBe(false)
    expect(isTrustedSender('ws://localhost:5173/', devApp)).toBe(false)
    expect(isTrustedSender(indexUrl, devApp)).toBe(false)
  })
})

describe('app origin', () => {
  it('uses the built page unless an unpackaged app has a loopback dev server', () => {
    expect(appOriginFor(INDEX, undefined, false)).toEqual(fileApp)
    expect(appOriginFor(INDEX, 'http://localhost:5173/', false)).toEqual(devApp)
    expect(appOriginFor(INDEX, 'http://localhost:5173/', true)).toEqual(fileApp)
    expect(appOriginFor(INDEX, 'http://evil.example:5173/', false)).toEqual(fileApp)
    expect(appOriginFor(INDEX, 'file:///tmp/x.html', false)).toEqual(fileApp)
    expect(appOriginFor(INDEX, 'nonsense', false)).toEqual(fileApp)
  })

  it('loads the entry the sender check trusts', () => {
    expect(isTrustedSender(appEntryUrl(fileApp), fileApp)).toBe(true)
    expect(isTrustedSender(appEntryUrl(devApp), devApp)).toBe(true)
  })
})

describe('navigation, new windows and permissions', () => {
  it('never navigates away from the app', () => {
    expect(isNavigationAllowed(`${indexUrl}#/log`, fileApp)).toBe(true)
    expect(isNavigationAllowed('https://evil.example/', fileApp)).toBe(false)
    expect(isNavigationAllowed(pathToFileURL('/etc/passwd').href, fileApp)).toBe(false)
    expect(isNavigationAllowed('javascript:alert(1)', fileApp)).toBe(false)
  })

  it('opens no window, whatever the URL', () => {
    expect(windowOpenHandler()).toEqual({ action: 'deny' })
  })

  it('denies every permission, except clipboard writes from the app page', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen', 'unknown']) {
      expect(isPermissionGranted(permission, indexUrl, fileApp), permission).toBe(false)
    }
    expect(isPermissionGranted('clipboard-sanitized-write', indexUrl, fileApp)).toBe(true)
    expect(isPermissionGranted('clipboard-sanitized-write', 'https://evil.example/', fileApp)).toBe(false)
    expect(isPermissionGranted('clipboard-sanitized-write', undefined, fileApp)).toBe(false)
  })
})
