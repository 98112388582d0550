import type { ZodError } from 'zod'

/**
 * Error codes shared by every transport. The UI translates `fields` codes with
 * i18n (`errors.<code>`); the Admin API turns them into Sapo-style sentences.
 */
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'unauthorized'
  | 'forbidden'
  | 'unknown_procedure'
  /** Hooklab is shutting down: try again once it is back. */
  | 'unavailable'
  | 'internal'

/** Per-field problem codes; anything zod reports that is not one of these becomes `invalid`. */
export const FIELD_CODES = [
  'blank',
  'invalid',
  'too_long',
  'too_short',
  'not_http',
  'unknown_topic',
  'topic_not_in_topics',
  'invalid_header_name',
  'invalid_header_value',
  'reserved_header',
  'invalid_secret',
  'out_of_range',
  'required',
  'unknown_attribute',
  'redacted_placeholder',
] as const
export type FieldCode = (typeof FIELD_CODES)[number]
export type FieldErrors = Record<string, FieldCode[]>

export interface SerializedError {
  code: ErrorCode
  message: string
  fields?: FieldErrors
}

export class HooklabError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message)
    this.name = 'HooklabError'
  }

  toJSON(): SerializedError {
    return this.fields
      ? { code: this.code, message: this.message, fields: this.fields }
      : { code: this.code, message: this.message }
  }

  static from(serialized: SerializedError): HooklabError {
    return new HooklabError(serialized.code, serialized.message, serialized.fields)
  }
}

export function invalidInput(fields: FieldErrors): HooklabError {
  const names = Object.keys(fields).join(', ')
  return new HooklabError('invalid_input', `Invalid input: ${names || 'body'}`, fields)
}

export function notFound(what: string): HooklabError {
  return new HooklabError('not_found', `${what} not found`)
}

/** The value at `path`, reading own properties only: `constructor` is no answer for a missing key. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input
  for (const key of path) {
    if (typeof value !== 'object' || value === null || typeof key === 'symbol' || !Object.hasOwn(value, key)) return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}

/** A field-error map: keys come from callers' input, so no prototype to collide with. */
export function emptyFields(): FieldErrors {
  return Object.create(null) as FieldErrors
}

/**
 * Flattens zod issues into `{ "field.path": [code] }`, keeping only codes we
 * translate. With the input at hand, a generic complaint about a missing value
 * becomes `required` and one about null becomes `blank` (zod keeps no input on issues).
 */
export function fieldsFromZod(error: ZodError, input?: unknown): FieldErrors {
  const fields = emptyFields()
  const add = (key: string, code: FieldCode) => {
    const list = Object.hasOwn(fields, key) ? fields[key] : (fields[key] = [])
    if (!list.includes(code)) list.push(code)
  }
  for (const issue of error.issues) {
    const prefix = issue.path.map(String).join('.')
    if (issue.code === 'unrecognized_keys') {
      for (const name of issue.keys) add(prefix ? `${prefix}.${name}` : name, 'unknown_attribute')
      continue
    }
    let code: FieldCode = (FIELD_CODES as readonly string[]).includes(issue.message) ? (issue.message as FieldCode) : 'invalid'
    if (code === 'invalid' && issue.path.length > 0) {
      const value = input === undefined ? null : valueAt(input, issue.path)
      const missing = input === undefined ? issue.message.endsWith('received undefined') : value === undefined
      if (missing) code = 'required'
      else if (input !== undefined && value === null) code = 'blank'
    }
    add(prefix || 'base', code)
  }
  return fields
}

/** Merges several field-error maps, each code once per field. */
export function mergeFields(...maps: FieldErrors[]): FieldErrors {
  const out = emptyFields()
  for (const map of maps) {
    for (const [key, codes] of Object.entries(map)) {
      const list = Object.hasOwn(out, key) ? out[key] : (out[key] = [])
      for (const code of codes) if (!list.includes(code)) list.push(code)
    }
  }
  return out
}

/**
 * Paths of strings holding a lone UTF-16 surrogate. JSON can carry one (`"\ud800"`), but
 * SQLite stores UTF-8 and would silently turn it into U+FFFD: refused instead, by name.
 */
export function loneSurrogatePaths(input: unknown, limit = 20): string[] {
  const found: string[] = []
  const walk = (value: unknown, path: string[], depth: number) => {
    if (found.length >= limit || depth > 64) return
    if (typeof value === 'string') {
      if (!value.isWellFormed()) found.push(path.join('.') || 'base')
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, [...path, String(i)], depth + 1))
    } else if (typeof value === 'object' && value !== null) {
      for (const key of Object.keys(value)) {
        if (!key.isWellFormed()) found.push([...path, key.toWellFormed()].join('.'))
        walk((value as Record<string, unknown>)[key], [...path, key], depth + 1)
      }
    }
  }
  walk(input, [], 0)
  return found
}

export function toSerializedError(err: unknown): SerializedError {
  if (err instanceof HooklabError && err.code !== 'internal') return err.toJSON()
  // Details of our own failures (SQL, paths, schema dumps) go to the log, not to the caller.
  return { code: 'internal', message: 'Internal error' }
}
