import type { FieldErrors } from '@contract'

type T = (key: string, named?: Record<string, unknown>) => string

/** The longest value each field takes (the contract's limits), so "too long" can say how long. */
const MAX_LENGTH: Record<string, number> = {
  name: 200,
  address: 2048,
  secret: 1024,
  'auth.username': 1024,
  'auth.password': 1024,
  'auth.token': 1024,
}
const MAX_TOPIC = 200
export const MAX_HEADER_VALUE = 8192

/** The form field a key belongs to: "topics.3" → "topics", "topic" → "topics". */
export function headOf(key: string): string {
  const head = key.split('.')[0]
  return head === 'topic' ? 'topics' : head
}

function limitOf(key: string): number | undefined {
  if (/^topics\.\d+$/.test(key) || key === 'topic') return MAX_TOPIC
  return MAX_LENGTH[key]
}

/**
 * Turns `{ "address": ["not_http"], "headers.X Bad": ["invalid_header_name"] }` into
 * sentences for each form field, in the current language.
 */
export function fieldErrorText(fields: FieldErrors, t: T) {
  function sentence(key: string, codes: string[]): string {
    const words = codes.map((code) => {
      const max = code === 'too_long' ? limitOf(key) : undefined
      return max ? t('errors.too_long_max', { max }) : t(`errors.${code}`)
    })
    return [...new Set(words)].join(' ')
  }

  /** Errors for a top-level field, including its nested keys (topics.3, retry_schedule.1). */
  function top(field: string): string | undefined {
    const parts: string[] = []
    for (const [key, list] of Object.entries(fields)) {
      const nested = key.includes('.')
      if (headOf(key) === field && !((field === 'headers' || field === 'auth') && nested)) parts.push(sentence(key, list))
    }
    return parts.length ? [...new Set(parts)].join(' ') : undefined
  }

  /**
   * The sentence under one header row, naming the row: the core keys header errors by
   * name ("headers.<name>"), and an empty name would otherwise read ": …".
   */
  function headerRow(row: { key: string; value: string }, index: number): string | undefined {
    const name = row.key.trim()
    const list = fields[`headers.${name}`]
    if (!list?.length) return undefined
    const words = [
      ...new Set(
        list.map((code) => {
          if (code === 'invalid_header_name' && name === '') return t('errors.header_name_blank')
          // Older cores said invalid_header_value for an over-long value: the length tells.
          const long = code === 'too_long' || (code === 'invalid_header_value' && row.value.length > MAX_HEADER_VALUE)
          if (long && row.value.length > MAX_HEADER_VALUE) return t('errors.too_long_max', { max: MAX_HEADER_VALUE })
          return t(`errors.${code}`)
        }),
      ),
    ]
    return t('errors.headerRow', { row: index + 1, text: words.join(' ') })
  }

  /** Problems of the headers field as a whole, and any for a name no row holds any more. */
  function headers(rows: Array<{ key: string }>): string | undefined {
    const names = new Set(rows.map((r) => r.key.trim()))
    const orphans = Object.entries(fields)
      .filter(([key]) => key.startsWith('headers.') && !names.has(key.slice('headers.'.length)))
      .map(([key, list]) => `${key.slice('headers.'.length)}: ${sentence(key, list)}`)
    const all = [top('headers'), ...orphans].filter(Boolean)
    return all.length ? all.join(' ') : undefined
  }

  /** Errors for one auth sub-field ("auth.username"). */
  function auth(name: string): string | undefined {
    const list = fields[`auth.${name}`]
    return list?.length ? sentence(`auth.${name}`, list) : undefined
  }

  /** Anything not tied to a field the form shows. */
  function rest(known: string[]): string | undefined {
    const parts = Object.entries(fields)
      .filter(([key]) => !known.includes(headOf(key)))
      .map(([key, list]) => sentence(key, list))
    return parts.length ? [...new Set(parts)].join(' ') : undefined
  }

  return { top, headerRow, headers, auth, rest }
}
