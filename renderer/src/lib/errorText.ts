import { isApiError } from '../api/errors'
import { i18n } from '../i18n'

/** A sentence for a failed call in the current language; falls back to the core's message. */
export function errorText(err: unknown): string {
  const t = i18n.global.t
  if (isApiError(err)) {
    if (err.code !== 'internal' && err.code !== 'invalid_input' && err.code !== 'unknown_procedure') {
      return t(`errors.${err.code}`)
    }
    return t('common.error', { message: err.message })
  }
  return t('common.error', { message: err instanceof Error ? err.message : String(err) })
}
