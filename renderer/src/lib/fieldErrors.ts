import type { FieldErrors } from '@contract'

type T = (key: string) => string

/**
 * Turns `{ "address": ["not_http"], "headers.X Bad": ["invalid_header_name"] }` into
 * sentences for each form field, in the current language.
 */
export function fieldErrorText(fields: FieldErrors, t: T) {
  const sentence = (codes: string[]) => [...new Set(codes.map((c) => t(`errors.${c}`)))].join(' ')

  /** Errors for a top-level field, including its nested keys (topics.3, retry_schedule.1). */
  function top(field: string): string | undefined {
    const codes: string[] = []
    for (const [key, list] of Object.entries(fields)) {
      const head = key.split('.')[0] === 'topic' ? 'topics' : key.split('.')[0]
      if (head === field && !(field === 'headers' && key.includes('.')) && !(field === 'auth' && key.includes('.'))) {
        codes.push(...list)
      }
    }
    return codes.length ? sentence(codes) : undefined
  }

  /** Errors for one header row, keyed by its name ("headers.<name>"). */
  function header(name: string): string | undefined {
    const list = fields[`headers.${name.trim()}`]
    return list?.length ? sentence(list) : undefined
  }

  /** Every header problem as "Name: sentence", for the one line under the headers field. */
  function headers(): string | undefined {
    const parts = Object.entries(fields)
      .filter(([key]) => key.startsWith('headers.'))
      .map(([key, list]) => `${key.slice('headers.'.length)}: ${sentence(list)}`)
    const own = top('headers')
    const all = [own, ...parts].filter(Boolean)
    return all.length ? all.join(' ') : undefined
  }

  /** Errors for one auth sub-field ("auth.username"). */
  function auth(name: string): string | undefined {
    const list = fields[`auth.${name}`]
    return list?.length ? sentence(list) : undefined
  }

  /** Anything not tied to a field the form shows. */
  function rest(known: string[]): string | undefined {
    const codes = Object.entries(fields)
      .filter(([key]) => {
        const head = key.split('.')[0]
        return !known.includes(head === 'topic' ? 'topics' : head)
      })
      .flatMap(([, list]) => list)
    return codes.length ? sentence(codes) : undefined
  }

  return { top, header, headers, auth, rest }
}
