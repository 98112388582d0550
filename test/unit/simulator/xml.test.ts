import { XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { generatePayload, parseRailsXml, renderBody } from '../../../electron/core/simulator'
import { toRailsXml } from '../../../electron/core/simulator/render/xml'

describe('Rails-style XML', () => {
  it('follows to_xml: declaration, resource root, dashed names, types, nil', () => {
    const { body } = renderBody(generatePayload({ profile: 'sapo', topic: 'orders/create', seed: 11 }), 'xml')
    expect(XMLValidator.validate(body)).toBe(true)
    expect(body).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<order>\n/)
    expect(body).toContain('<line-items type="array">\n    <line-item>')
    expect(body).toMatch(/<id type="integer">\d+<\/id>/)
    expect(body).toMatch(/<created-on type="datetime">\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00<\/created-on>/)
    expect(body).toContain('<taxes-included type="boolean">false</taxes-included>')
    expect(body).toContain('<rate type="decimal">0.08</rate>')
    expect(body).toMatch(/<cancelled-on nil="true"\/>/)
  })

  it('round-trips the awkward values too', () => {
    const data = {
      '+1': 1, 'Content-Type': 'a/b', '1st': true, __proto__x: 'x', entry: 'plain', empty: {}, none: [], text: '', spaces: '  padded  ',
      markup: '<b>"Tom" & \'Jerry\'</b>', unicode: 'Nguyễn Văn An 🧪', nested: [[1, 2], [], [{ a: null }]], negative: -12.5, zero: 0, big: 2 ** 40,
      multi: 'line 1\nline 2', tags: ['a', 'b'],
    }
    const xml = toRailsXml('thing', data)
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(parseRailsXml(xml)).toEqual({ root: 'thing', data })
  })

  it('does not let a document reach a prototype', () => {
    const parsed = parseRailsXml('<?xml version="1.0" encoding="UTF-8"?>\n<a><entry key="__proto__"><polluted type="boolean">true</polluted></entry></a>')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.getPrototypeOf(parsed.data)).toBe(Object.prototype)
    expect(Object.hasOwn(parsed.data, '__proto__')).toBe(true)
  })
})
