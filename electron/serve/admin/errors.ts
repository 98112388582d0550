import { HooklabError, type FieldCode, type FieldErrors } from '../../core/contract'
import { HttpError } from '../http-util'

/**
 * How the Admin API says no. Sapo and Shopify answer `{"errors": "<sentence>"}` for
 * request-level problems and `{"errors": {"field": ["sentence", …]}}` (Rails style)
 * for invalid attributes; client libraries written for them parse exactly that.
 */
export class AdminError extends Error {
  constructor(
    readonly status: number,
    readonly errors: string | Record<string, string[]>,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof errors === 'string' ? errors : `Invalid: ${Object.keys(errors).join(', ')}`)
  }
}

/** Shopify's wording, kept word for word so clients that match on it keep working. */
export const UNAUTHORIZED_MESSAGE = '[API] Invalid API key or access token (unrecognized login or wrong password)'
export const READ_ONLY_MESSAGE = '[API] This action needs an admin token; the token sent is read-only'

export const unauthorized = () => new AdminError(401, UNAUTHORIZED_MESSAGE, { 'WWW-Authenticate': 'Bearer realm="Hooklab Admin API"' })
export const forbidden = (message = READ_ONLY_MESSAGE) => new AdminError(403, message)
export const notFoundError = () => new AdminError(404, 'Not Found')
export const badRequest = (field: string, sentence: string) => new AdminError(400, { [field]: [sentence] })

/** Contract field codes as Rails-style sentences ("address": ["is invalid"]). */
const SENTENCES: Record<FieldCode, string> = {
  blank: "can't be blank",
  required: "can't be blank",
  invalid: 'is invalid',
  too_long: 'is too long',
  too_short: 'is too short',
  not_http: 'must be an http or https URL',
  unknown_topic: 'is not a valid topic',
  topic_not_in_topics: 'must be one of topics',
  invalid_header_name: 'is not a valid header name',
  invalid_header_value: 'is not a valid header value',
  reserved_header: 'is set by Hooklab and cannot be overridden',
  invalid_secret: 'is invalid for this signing style (Standard Webhooks needs whsec_ followed by base64)',
  out_of_range: 'is out of range',
  unknown_attribute: 'is not a known attribute',
  redacted_placeholder: 'contains the [redacted] placeholder where the stored value differs: send the real value, or leave the attribute out to keep it',
}

export function sentencesOf(fields: FieldErrors): Record<string, string[]> {
  const errors: Record<string, string[]> = Object.create(null)
  for (const [field, codes] of Object.entries(fields)) {
    errors[field] = [...new Set(codes.map((code) => SENTENCES[code] ?? 'is invalid'))]
  }
  return errors
}

export const invalidAttributes = (fields: FieldErrors) => new AdminError(422, sentencesOf(fields))

/** Maps whatever a handler threw to an AdminError; anything unexpected is a 500 logged here. */
export function toAdminError(err: unknown): AdminError {
  if (err instanceof AdminError) return err
  if (err instanceof HttpError) {
    return new AdminError(err.status, err.status === 413 ? 'Request body is too large (the limit is 5 MiB)' : err.message)
  }
  if (err instanceof HooklabError) {
    switch (err.code) {
      case 'invalid_input':
        return invalidAttributes(err.fields ?? { base: ['invalid'] })
      case 'not_found':
      case 'unknown_procedure':
        return notFoundError()
      case 'forbidden':
        // The core's "a read token cannot call X" is Shopify's read-only wording here; other refusals say why.
        return forbidden(err.message.startsWith('A read token cannot call') ? READ_ONLY_MESSAGE : `[API] ${err.message}`)
      case 'unavailable':
        return new AdminError(503, err.message, { 'Retry-After': '5' })
      case 'unauthorized':
        return unauthorized()
      case 'conflict':
        return new AdminError(409, err.message)
      case 'internal':
        break
    }
  }
  console.error('hooklab: Admin API request failed:', err)
  return new AdminError(500, 'Internal error')
}
