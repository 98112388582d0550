import { expect, test } from 'vitest'
import { formatBody, indentXml } from '../../../renderer/src/lib/bodyFormat'
import { formatBytes } from '../../../renderer/src/lib/bytes'

test('JSON is pretty-printed, XML indented, a form decoded; anything else stays as it came', () => {
  expect(formatBody('{"a":1}', 'application/json')).toEqual({ text: '{\n  "a": 1\n}', language: 'json' })
  expect(formatBody('<order><id type="integer">1</id><note/></order>', 'application/xml; charset=utf-8')).toEqual({
    text: '<order>\n  <id type="integer">1</id>\n  <note/>\n</order>',
    language: 'xml',
  })
  const payload = encodeURIComponent('{"zen":"Keep it logically awesome."}')
  expect(formatBody(`payload=${payload}`, 'application/x-www-form-urlencoded')).toEqual({ text: '{\n  "zen": "Keep it logically awesome."\n}', language: 'json', decoded: 'form' })
  expect(formatBody('webhook_id=12&x=a%20b', 'application/x-www-form-urlencoded')).toEqual({ text: 'webhook_id = 12\nx = a b', language: 'text', decoded: 'form' })
  // A receiver's HTML is text, whatever it looks like.
  const html = '<img src=x onerror="window.__pwned=1">'
  expect(formatBody(html, 'text/html')).toEqual({ text: html, language: 'text' })
  expect(formatBody('{not json', 'application/json')).toEqual({ text: '{not json', language: 'text' })
  expect(formatBody('', 'application/json')).toEqual({ text: '', language: 'text' })
})

test('XML already laid out keeps its lines; compact XML with a declaration is indented', () => {
  const laid = '<a>\n  <b>1</b>\n</a>'
  expect(formatBody(laid, 'application/xml').text).toBe(laid)
  expect(indentXml('<?xml version="1.0"?><a><b>x</b><c><d/></c></a>')).toBe('<?xml version="1.0"?>\n<a>\n  <b>x</b>\n  <c>\n    <d/>\n  </c>\n</a>')
})

test('sizes on disk read in binary units', () => {
  expect(formatBytes(512, 'en')).toBe('512 B')
  expect(formatBytes(1536, 'en')).toBe('1.5 KiB')
  expect(formatBytes(250 * 1024 * 1024, 'en')).toBe('250 MiB')
})
