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

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input
  for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined
  return value
}

/**
 * Flattens zod issues into `{ "field.path": [code] }`, keeping only codes we
 * translate. With the input at hand, a generic complaint about a missing value
 * becomes `required` and one about null becomes `blank` (zod keeps no input on issues).
 */
export function fieldsFromZod(error: ZodError, input?: unknown): FieldErrors {
  const fields: FieldErrors = {}
  const add = (key: string, code: FieldCode) => {
    const list = (fields[key] ??= [])
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

export function toSerializedError(err: unknown): SerializedError {
  if (err instanceof HooklabError && err.code !== 'internal') return err.toJSON()
  // Details of our own failures (SQL, paths, schema dumps) go to the log, not to the caller.
  return { code: 'internal', message: 'Internal error' }
}
