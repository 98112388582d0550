import { XMLParser } from 'fast-xml-parser'
import { isPlainKey } from './xml'

/**
 * The reverse of `toRailsXml`: reads a Rails-style XML document back into JSON data,
 * using the `type` / `nil` attributes (values are never guessed from their text).
 * Element names are undashed (`line-items` → `line_items`); `<entry key="…">` restores a
 * key that could not be an element name. Keys land in null-prototype objects first, so a
 * document naming `__proto__` cannot reach a prototype.
 */
type Node = Record<string, unknown>

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  preserveOrder: true,
  processEntities: true,
  htmlEntities: false,
  ignoreDeclaration: true,
})

export interface ParsedXml {
  root: string
  data: Record<string, unknown>
}

export function parseRailsXml(xml: string): ParsedXml {
  const nodes = parser.parse(xml) as Node[]
  const top = elementsOf(nodes)
  if (top.length !== 1) throw new Error('XML document must have exactly one root element')
  const [name, node] = top[0]
  const value = convert(node)
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('XML root is not an object')
  return { root: name.replace(/-/g, '_'), data: value as Record<string, unknown> }
}

/** Element children of a preserveOrder node list, as [tag, node] pairs (text nodes dropped). */
function elementsOf(nodes: Node[]): Array<[string, Node]> {
  const out: Array<[string, Node]> = []
  for (const node of nodes) {
    const tag = Object.keys(node).find((k) => k !== ':@' && k !== '#text')
    if (tag !== undefined) out.push([tag, node])
  }
  return out
}

function textOf(children: Node[]): string {
  let text = ''
  for (const child of children) if ('#text' in child) text += String(child['#text'])
  return text
}

function convert(node: Node): unknown {
  const tag = Object.keys(node).find((k) => k !== ':@')!
  const attrs = (node[':@'] ?? {}) as Record<string, string>
  const children = node[tag] as Node[]
  if (attrs['@_nil'] === 'true') return null
  const type = attrs['@_type']
  if (type === 'array') return elementsOf(children).map(([, child]) => convert(child))
  if (type === 'hash') return {}
  if (type === 'integer' || type === 'decimal' || type === 'float') {
    const n = Number(textOf(children))
    if (!Number.isFinite(n)) throw new Error(`<${tag}> is not a number`)
    return n
  }
  if (type === 'boolean') return textOf(children) === 'true'
  const elements = elementsOf(children)
  if (elements.length === 0) return textOf(children)
  const out: Record<string, unknown> = Object.create(null)
  for (const [name, child] of elements) {
    const childAttrs = (child[':@'] ?? {}) as Record<string, string>
    const key = name === 'entry' && childAttrs['@_key'] !== undefined ? childAttrs['@_key'] : name.replace(/-/g, '_')
    if (name !== 'entry' && !isPlainKey(key)) throw new Error(`unexpected element <${name}>`)
    out[key] = convert(child)
  }
  // Back to an ordinary object for callers (assert/JSON), keys copied with defineProperty.
  const plain: Record<string, unknown> = {}
  for (const key of Object.keys(out)) Object.defineProperty(plain, key, { value: out[key], enumerable: true, writable: true, configurable: true })
  return plain
}
