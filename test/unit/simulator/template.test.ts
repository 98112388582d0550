import { describe, expect, it } from 'vitest'
import { HooklabError } from '../../../electron/core/contract/errors'
import { fillTemplate } from '../../../electron/core/simulator'

const TEMPLATE = `{
  "id": {{id}},
  "created": {{now}},
  "customer": { "name": "{{person.fullName}}", "email": "{{faker.internet.email}}", "city": "{{location.city}}" },
  "note": "Order {{id}} for {{person.firstName}}",
  "uuid": "{{uuid}}",
  "count": {{number.int}}
}`

describe('custom-topic templates', () => {
  it('fill every placeholder and stay valid JSON', () => {
    const body = fillTemplate(TEMPLATE, 42)
    const data = JSON.parse(body)
    expect(data.id).toBe(1_000_042)
    expect(data.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    expect(data.customer.name.length).toBeGreaterThan(2)
    expect(data.customer.email).toContain('@')
    expect(data.note).toMatch(/^Order 1000042 for \S+/)
    expect(data.uuid).toMatch(/^[0-9a-f-]{36}$/)
    expect(typeof data.count).toBe('number')
    expect(body).not.toContain('{{')
  })

  it('same seed, same body; a burst of seeds repeats no body and no id', () => {
    expect(fillTemplate(TEMPLATE, 7)).toBe(fillTemplate(TEMPLATE, 7))
    const bodies = new Set<string>()
    const ids = new Set<number>()
    for (let seed = 1000; seed < 1200; seed++) {
      const body = fillTemplate(TEMPLATE, seed)
      bodies.add(body)
      ids.add(JSON.parse(body).id)
    }
    expect(bodies.size).toBe(200)
    expect(ids.size).toBe(200)
  })

  it('escapes what it puts inside a string', () => {
    const body = fillTemplate('{"a": "x{{now}}\\"{{person.lastName}}"}', 3)
    expect(() => JSON.parse(body)).not.toThrow()
  })

  it('names the line and column of a syntax error', () => {
    const bad = '{\n  "id": {{id}},\n  "name": "x"\n  "oops": 1\n}'
    try {
      fillTemplate(bad, 1)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(HooklabError)
      expect((error as HooklabError).code).toBe('invalid_input')
      expect((error as HooklabError).fields).toEqual({ template: ['invalid'] })
      expect((error as HooklabError).message).toMatch(/line 4, column 3/)
    }
    expect(() => fillTemplate('{"a": 1,}', 1)).toThrow(/line 1, column 9/)
    expect(() => fillTemplate('{"a": ', 1)).toThrow(/template/)
  })

  it('refuses unknown or unsafe placeholders', () => {
    for (const name of ['nope', 'person.constructor', 'constructor.name', 'constructor', 'person.fullName.length', 'helpers.arrayElement']) {
      expect(() => fillTemplate(`{"a": "{{${name}}}"}`, 1), name).toThrow(/template/)
    }
    // Not a placeholder at all (names start with a letter): left as the text it is.
    expect(fillTemplate('{"a": "{{__proto__.x}}"}', 1)).toBe('{"a": "{{__proto__.x}}"}')
  })
})
