import { prettyBody } from './body'

export type BodyLanguage = 'json' | 'xml' | 'text'
export interface FormattedBody {
  text: string
  language: BodyLanguage
  /** `form`: an url-encoded body shown decoded (GitHub's `payload=<JSON>` as the JSON). */
  decoded?: 'form'
}

/**
 * A body made readable for the detail panel: JSON pretty-printed, XML indented, a form body
 * decoded. The result is only ever shown as text (CodeMirror or a <pre>), never as markup.
 */
export function formatBody(body: string, contentType = ''): FormattedBody {
  const type = contentType.toLowerCase()
  const trimmed = body.trim()
  if (trimmed === '') return { text: body, language: 'text' }
  if (type.includes('x-www-form-urlencoded')) return formatForm(trimmed)
  if (type.includes('json') || ((trimmed.startsWith('{') || trimmed.startsWith('[')) && !type.includes('html'))) {
    const pretty = prettyBody(trimmed, 'json')
    if (pretty !== trimmed || isJson(trimmed)) return { text: pretty, language: 'json' }
  }
  if (type.includes('xml') || (trimmed.startsWith('<?xml') && !type.includes('html'))) {
    return { text: trimmed.includes('\n') ? body : indentXml(trimmed), language: 'xml' }
  }
  return { text: body, language: 'text' }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

function formatForm(body: string): FormattedBody {
  const params = new URLSearchParams(body)
  const entries = [...params.entries()]
  const payload = params.get('payload')
  if (entries.length === 1 && payload !== null && isJson(payload)) return { text: prettyBody(payload, 'json'), language: 'json', decoded: 'form' }
  return { text: entries.map(([k, v]) => `${k} = ${v}`).join('\n'), language: 'text', decoded: 'form' }
}

/** Indents compact XML one element per line; an element holding only text stays on one line. */
export function indentXml(xml: string): string {
  const tokens = xml
    .replace(/>\s+</g, '><')
    .split(/(<[^>]+>)/)
    .filter((s) => s !== '')
  const out: string[] = []
  let depth = 0
  const pad = () => '  '.repeat(depth)
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]
    if (token.startsWith('</')) {
      depth = Math.max(0, depth - 1)
      out.push(pad() + token)
    } else if (token.startsWith('<')) {
      const leaf = token.endsWith('/>') || token.startsWith('<?') || token.startsWith('<!')
      const next = tokens[i + 1]
      if (!leaf && next !== undefined && !next.startsWith('<') && tokens[i + 2]?.startsWith('</')) {
        out.push(pad() + token + next + tokens[i + 2])
        i += 2
      } else if (!leaf && next?.startsWith('</')) {
        out.push(pad() + token + next)
        i += 1
      } else {
        out.push(pad() + token)
        if (!leaf) depth++
      }
    } else if (token.trim() !== '') {
      out.push(pad() + token.trim())
    }
  }
  return out.join('\n')
}
