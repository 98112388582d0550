/**
 * The renderer's Content Security Policy, written once for the three places that send
 * it: the Electron session's response headers (ipc), `hooklab serve`'s static files
 * (web, with its own port), and the meta tag built into index.html (both at once).
 * naive-ui injects <style> elements at run time, hence 'unsafe-inline' for styles only;
 * scripts stay 'self' and nothing may eval, so nothing a receiver sends back can run.
 */
export type CspTarget = { kind: 'ipc' } | { kind: 'web'; port: number } | { kind: 'meta' }

export function contentSecurityPolicy(target: CspTarget): string {
  const sockets =
    target.kind === 'web' ? [`ws://127.0.0.1:${target.port}`, `ws://localhost:${target.port}`] : target.kind === 'meta' ? ['ws://127.0.0.1:*', 'ws://localhost:*'] : []
  const directives = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // In IPC mode the page talks to nothing over the network; 'self' still lets the dev server's HMR socket through.
    ['connect-src', "'self'", ...sockets].join(' '),
    "worker-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "object-src 'none'",
  ]
  // Browsers ignore frame-ancestors in a meta tag (and log an error): headers only.
  if (target.kind !== 'meta') directives.push("frame-ancestors 'none'")
  return directives.join('; ')
}
