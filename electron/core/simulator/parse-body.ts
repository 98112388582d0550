import { XMLValidator } from 'fast-xml-parser'
import { HooklabError } from '../contract'
import { checkJson } from './json-check'
import { parseRailsXml } from './render/parse-xml'

/**
 * Reads a body the user edited back into a payload. A syntax error is refused with its
 * line and column (issue 7 item 6: such a body cannot be sent).
 */
export function parseBody(format: 'json' | 'xml', body: string): Record<string, unknown> {
  if (format === 'json') {
    const error = checkJson(body)
    if (error) throw syntaxError(error.line, error.column, error.message)
    const value: unknown = JSON.parse(body)
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new HooklabError('invalid_input', 'The payload must be a JSON object', { body: ['invalid'] })
    return value as Record<string, unknown>
  }
  const valid = XMLValidator.validate(body)
  if (valid !== true) throw syntaxError(valid.err.line, valid.err.col, valid.err.msg)
  try {
    return parseRailsXml(body).data
  } catch (err) {
    throw new HooklabError('invalid_input', `The XML is not a payload: ${(err as Error).message}`, { body: ['invalid'] })
  }
}

function syntaxError(line: number, column: number, message: string): HooklabError {
  return new HooklabError('invalid_input', `Line ${line}, column ${column}: ${message}`, { body: ['invalid'] })
}
