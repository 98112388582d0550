import { HooklabError, type FieldCode } from '../contract'

export interface LineLimits {
  /** The whole stream may be at most this long (IMPORT_MAX_BYTES, lower in tests). */
  maxBytes: number
  /** One line may be at most this long. */
  maxLineBytes: number
}

export interface NumberedLine {
  /** 1-based, counting every line of the file (blank ones too), as an editor does. */
  n: number
  text: string
}

/** A refusal that names the line (SPEC §8: "a bad line, named by number"). */
export function lineError(n: number, reason: string, code: FieldCode = 'invalid'): HooklabError {
  return new HooklabError('invalid_input', `Line ${n}: ${reason}`, { [`line ${n}`]: [code] })
}

export function tooLarge(maxBytes: number): HooklabError {
  return new HooklabError('invalid_input', `The file is larger than ${formatMiB(maxBytes)}, the most an import reads`, { file: ['too_long'] })
}

function formatMiB(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Splits a byte stream into UTF-8 lines. Not `readline`: this one counts bytes as they arrive
 * (refusing past `maxBytes` before reading further), bounds a single line (a file with no
 * newline must not become one 256 MiB string), and refuses bytes that are not UTF-8 by line
 * instead of replacing them silently. `\r\n` endings and a leading BOM are accepted.
 */
export async function* readLines(source: AsyncIterable<Uint8Array>, limits: LineLimits): AsyncGenerator<NumberedLine> {
  let total = 0
  let n = 0
  let parts: Buffer[] = []
  let partBytes = 0
  const finish = (last: Buffer): NumberedLine => {
    n++
    const bytes = parts.length === 0 ? last : Buffer.concat([...parts, last])
    parts = []
    partBytes = 0
    let text: string
    try {
      text = utf8.decode(bytes)
    } catch {
      throw lineError(n, 'is not valid UTF-8')
    }
    if (n === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1)
    if (text.endsWith('\r')) text = text.slice(0, -1)
    return { n, text }
  }
  for await (const raw of source) {
    const chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength)
    total += chunk.length
    if (total > limits.maxBytes) throw tooLarge(limits.maxBytes)
    let start = 0
    for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
      if (partBytes + (nl - start) > limits.maxLineBytes) throw lineError(n + 1, `is longer than ${formatMiB(limits.maxLineBytes)}`, 'too_long')
      yield finish(chunk.subarray(start, nl))
      start = nl + 1
    }
    if (start < chunk.length) {
      partBytes += chunk.length - start
      if (partBytes > limits.maxLineBytes) throw lineError(n + 1, `is longer than ${formatMiB(limits.maxLineBytes)}`, 'too_long')
      parts.push(chunk.subarray(start))
    }
  }
  if (partBytes > 0) yield finish(Buffer.alloc(0))
}
