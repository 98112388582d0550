import { base, en, Faker, vi } from '@faker-js/faker'
import { HooklabError } from '../contract/errors'
import { isoUtc, momentOf } from './clock'
import { checkJson } from './json-check'
import { streamFor } from './rng'

/**
 * Custom-topic templates (issue 7 §1): JSON with `{{id}}`, `{{now}}`, `{{uuid}}`, `{{seed}}`
 * and fake-data calls such as `{{person.fullName}}` (or `{{faker.person.fullName}}`). Inside
 * a JSON string a placeholder becomes escaped text; outside one it becomes a JSON value
 * (`"qty": {{number.int}}` stays a number, `{{now}}` becomes a quoted string). The seed fixes
 * every value, so a burst (one seed per event) does not repeat a body, and a seed replays one.
 */
const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_.]*)\s*\}\}/g

/** Faker modules a template may call; a method is reached only by name on these (no `constructor`). */
const MODULES = new Set([
  'airline', 'animal', 'book', 'color', 'commerce', 'company', 'database', 'datatype', 'date', 'finance', 'food', 'git',
  'hacker', 'internet', 'location', 'lorem', 'music', 'number', 'person', 'phone', 'science', 'string', 'system', 'vehicle', 'word',
])

let faker: Faker | undefined
const fakerVi = () => (faker ??= new Faker({ locale: [vi, en, base] }))

function templateError(message: string, line: number, column: number): HooklabError {
  return new HooklabError('invalid_input', `template: ${message} at line ${line}, column ${column}`, { template: ['invalid'] })
}

function position(text: string, offset: number) {
  const before = text.slice(0, offset)
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') }
}

/** Where each placeholder is, and whether it sits inside a JSON string. */
function scan(template: string): Array<{ start: number; end: number; name: string; inString: boolean }> {
  const found: Array<{ start: number; end: number; name: string; inString: boolean }> = []
  let inString = false
  for (let i = 0; i < template.length; i++) {
    const c = template[i]
    if (inString && c === '\\') { i++; continue }
    if (c === '"') { inString = !inString; continue }
    if (c === '{' && template[i + 1] === '{') {
      PLACEHOLDER.lastIndex = i
      const m = PLACEHOLDER.exec(template)
      if (m && m.index === i) {
        found.push({ start: i, end: i + m[0].length, name: m[1], inString })
        i += m[0].length - 1
      }
    }
  }
  return found
}

function valueOf(name: string, seed: number): unknown {
  if (name === 'id') return 1_000_000 + seed
  if (name === 'seed') return seed
  if (name === 'now') return isoUtc(momentOf(seed))
  if (name === 'uuid') return streamFor(seed, 'template:uuid').uuid()
  const path = name.startsWith('faker.') ? name.slice(6) : name
  const [module, method, ...rest] = path.split('.')
  if (rest.length > 0 || method === undefined || !MODULES.has(module) || !/^[a-z][A-Za-z0-9]*$/.test(method) || method === 'constructor') return undefined
  const target = (fakerVi() as unknown as Record<string, Record<string, unknown>>)[module]
  const fn = target[method]
  if (typeof fn !== 'function') return undefined
  let out: unknown
  try {
    out = (fn as () => unknown).call(target)
  } catch {
    return undefined // a method that needs arguments cannot be called from a template
  }
  return out instanceof Date ? out.toISOString() : out
}

export function fillTemplate(template: string, seed: number): string {
  const places = scan(template)
  // Check the template's own syntax first: each placeholder outside a string stands in as a
  // same-length number, so a reported line/column points into what the user typed.
  let probe = ''
  let last = 0
  for (const p of places) {
    probe += template.slice(last, p.start) + (p.inString ? template.slice(p.start, p.end) : '0'.padEnd(p.end - p.start, ' '))
    last = p.end
  }
  probe += template.slice(last)
  const syntax = checkJson(probe)
  if (syntax) throw templateError(syntax.message, syntax.line, syntax.column)

  fakerVi().seed(seed)
  // faker.date.* is relative to "now" unless told otherwise: the seed's moment keeps it fixed.
  fakerVi().setDefaultRefDate(momentOf(seed))
  let out = ''
  last = 0
  for (const p of places) {
    const value = valueOf(p.name, seed)
    if (value === undefined) {
      const { line, column } = position(template, p.start)
      throw templateError(`unknown placeholder {{${p.name}}}`, line, column)
    }
    const json = JSON.stringify(typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string' ? value : String(value))
    out += template.slice(last, p.start) + (p.inString ? (typeof value === 'string' ? json.slice(1, -1) : String(value)) : json)
    last = p.end
  }
  return out + template.slice(last)
}
