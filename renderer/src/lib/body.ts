/**
 * A body as text for display: JSON pretty-printed when it parses, anything else as it came.
 * The result is only ever shown as text (never v-html): a receiver's answer is untrusted.
 */
export function prettyBody(body: string, contentType?: string): string {
  const trimmed = body.trim()
  const looksJson = (contentType ?? '').includes('json') || trimmed.startsWith('{') || trimmed.startsWith('[')
  if (!looksJson || trimmed === '') return body
  try {
    return JSON.stringify(JSON.parse(trimmed), null, 2)
  } catch {
    return body
  }
}

/** A header's value whatever the case of its name (receivers and senders differ). */
export function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const lower = name.toLowerCase()
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === lower) return value
  return undefined
}
