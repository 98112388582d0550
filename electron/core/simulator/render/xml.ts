/**
 * Rails/Shopify `to_xml` (SPEC §8 Formats): `<?xml …?>`, a root named for the resource,
 * dashed element names, `type="integer|decimal|boolean|datetime|array"`, `nil="true"`.
 * Two additions make every JSON value round-trip, where Rails itself would lose it:
 * - `type="hash"` on an empty object (Rails writes an empty element, which reads back as "").
 * - a key that is not a reversible XML name (`+1`, `Content-Type`, `1st`) is written as
 *   `<entry key="+1">`: dashing `Content-Type` could not be told apart from `content_type`.
 */
const XML_NAME = /^[A-Za-z][A-Za-z0-9_]*$/
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'))
}

/** Whether `key` can be an element name and comes back the same from `undash`. */
export function isPlainKey(key: string): boolean {
  return XML_NAME.test(key) && !/^xml/i.test(key) && key !== 'entry'
}

const dash = (key: string) => key.replace(/_/g, '-')

/** Rails' singular for an array's items (`line_items` → `line-item`). */
export function singular(name: string): string {
  if (/ies$/.test(name)) return name.slice(0, -3) + 'y'
  if (/(ss|x|ch|sh)es$/.test(name)) return name.slice(0, -2)
  if (/uses$/.test(name)) return name.slice(0, -2)
  if (/s$/.test(name) && !/ss$/.test(name)) return name.slice(0, -1)
  return name
}

export function toRailsXml(root: string, data: Record<string, unknown>): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n']
  element(out, dash(root), null, data, '')
  return out.join('')
}

function element(out: string[], name: string, key: string | null, value: unknown, indent: string): void {
  const keyAttr = key === null ? '' : ` key="${escapeXml(key)}"`
  const open = `${indent}<${name}${keyAttr}`
  if (value === null || value === undefined) {
    out.push(`${open} nil="true"/>\n`)
  } else if (typeof value === 'string') {
    const type = DATETIME.test(value) ? ' type="datetime"' : ''
    out.push(`${open}${type}>${escapeXml(value)}</${name}>\n`)
  } else if (typeof value === 'number') {
    out.push(`${open} type="${Number.isInteger(value) ? 'integer' : 'decimal'}">${value}</${name}>\n`)
  } else if (typeof value === 'boolean') {
    out.push(`${open} type="boolean">${value}</${name}>\n`)
  } else if (Array.isArray(value)) {
    if (value.length === 0) {
      out.push(`${open} type="array"/>\n`)
      return
    }
    out.push(`${open} type="array">\n`)
    const child = key === null ? singular(name) : 'item'
    for (const item of value) element(out, child, null, item, indent + '  ')
    out.push(`${indent}</${name}>\n`)
  } else if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
    if (entries.length === 0) {
      out.push(`${open} type="hash"/>\n`)
      return
    }
    out.push(`${open}>\n`)
    for (const [k, v] of entries) {
      if (isPlainKey(k)) element(out, dash(k), null, v, indent + '  ')
      else element(out, 'entry', k, v, indent + '  ')
    }
    out.push(`${indent}</${name}>\n`)
  } else {
    throw new TypeError(`cannot render ${typeof value} as XML`)
  }
}
