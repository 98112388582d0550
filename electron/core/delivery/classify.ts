import type { ErrorClass } from '../contract/delivery-schemas'

/**
 * Names why an attempt got no answer, from the error Node or undici raised. The
 * message is kept too, so the class is a filter and the message the explanation.
 */
export function classifyError(err: unknown): { class: ErrorClass; message: string } {
  const e = err as { code?: string; name?: string; message?: string; cause?: unknown }
  const code = e?.code ?? (e?.cause as { code?: string } | undefined)?.code ?? ''
  const message = String(e?.message ?? err).slice(0, 1000)
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') return { class: 'dns', message }
  if (code === 'ECONNREFUSED') return { class: 'refused', message }
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET') return { class: 'reset', message }
  if (
    code === 'UND_ERR_CONNECT_TIMEOUT' ||
    code === 'UND_ERR_HEADERS_TIMEOUT' ||
    code === 'UND_ERR_BODY_TIMEOUT' ||
    code === 'ETIMEDOUT' ||
    e?.name === 'TimeoutError' ||
    e?.name === 'AbortError'
  ) {
    return { class: 'timeout', message }
  }
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/i.test(code) || /certificate/i.test(message)) return { class: 'tls', message }
  return { class: 'network', message: code ? `${code}: ${message}` : message }
}
