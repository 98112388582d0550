import Database from 'better-sqlite3'
import fc from 'fast-check'
import { afterAll, expect, test } from 'vitest'
import { foldForIndex, ftsQuery, idLike, jsonForIndex, MAX_QUERY_WORDS } from '../../../../electron/core/store/log-text'

/*
 * The full-text side of the event log as FTS5 sees it: a real FTS5 table with the
 * tokenizer of migration 007, text folded as the indexer folds it, queries built as the
 * log builds them. Any string a user types is only words: never an FTS5 syntax error.
 */
const db = new Database(':memory:')
db.exec("CREATE VIRTUAL TABLE t USING fts5(body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2')")
afterAll(() => db.close())
const DOCS = [
  '{"note":"Đơn hàng số 3 của Nguyễn Thị Ánh","city":"Hà Nội"}',
  '{"email":"an.nguyen@example.vn","id":"msg_2aBcD9","line":"first\\nsecond"}',
  '{"text":"AND OR NOT NEAR are just words here","sql":"\'; DROP TABLE deliveries; --"}',
  // The same words in decomposed form (NFD), as some systems send them.
  '{"note":"Đơn hàng giao tại Đà Nẵng"}'.normalize('NFD'),
]
DOCS.forEach((doc, i) => db.prepare('INSERT INTO t (rowid, body) VALUES (?, ?)').run(i + 1, jsonForIndex(doc)))
const search = (q: string) => {
  const match = ftsQuery(q)
  return match === null ? [] : (db.prepare('SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid').pluck().all(match) as number[])
}

test('Vietnamese is found without its diacritics and with đ typed as d, in either Unicode form', () => {
  expect(search('don hang')).toEqual([1, 4])
  expect(search('Đơn HÀNG')).toEqual([1, 4])
  expect(search('nguyen thi anh')).toEqual([1])
  expect(search('ha noi')).toEqual([1])
  expect(search('da nang')).toEqual([4])
  expect(foldForIndex('Đơn')).toBe('dơn')
})

test('every word must be there; a word with punctuation inside matches its parts in order', () => {
  expect(search('don ánh')).toEqual([1])
  expect(search('don xyz')).toEqual([])
  expect(search('an.nguyen@example.vn')).toEqual([2])
  expect(search('example.vn@an')).toEqual([])
  expect(search('msg_2abcd9')).toEqual([2])
  // JSON's \n is not glued to the next word.
  expect(search('second')).toEqual([2])
})

test('operators, quotes, prefixes, columns and SQL are plain text', () => {
  expect(search('NEAR')).toEqual([3])
  expect(search('words OR nothing')).toEqual([])
  expect(search('"just words"')).toEqual([3])
  expect(search("'; DROP TABLE deliveries; --")).toEqual([3])
  expect(search('hàn*')).toEqual([])
  expect(search('body:hang')).toEqual([])
  expect(search('(don) NOT hang')).toEqual([])
  expect(ftsQuery('a "b" c')).toBe('"a" """b""" "c"')
})

test('blank queries search for nothing; long ones are cut to MAX_QUERY_WORDS words', () => {
  expect(ftsQuery('')).toBeNull()
  expect(ftsQuery(' \t\n ')).toBeNull()
  expect(ftsQuery(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '))!.split(' ')).toHaveLength(MAX_QUERY_WORDS)
})

test('ids: a delivery or event id, or a style delivery id (UUID, msg_…, hex)', () => {
  expect(idLike(' 42 ')).toEqual({ number: 42, providerId: null })
  expect(idLike('0')).toEqual({ number: null, providerId: null })
  expect(idLike('msg_2aBcD9xyz').providerId).toBe('msg_2aBcD9xyz')
  expect(idLike('0f8fad5b-d9cb-469f-a165-70867728950e').providerId).toBe('0f8fad5b-d9cb-469f-a165-70867728950e')
  expect(idLike('12345678').number).toBe(12345678)
  expect(idLike('don hang')).toEqual({ number: null, providerId: null })
})

test('property: any string as a query is answered by FTS5 without an error', () => {
  const nasty = fc.constantFrom('"', '""', '*', '^', ':', '(', ')', 'NEAR(a b, 2)', 'a AND', 'OR', '\u0000', 'x\u0000y', '\\', "'", '--', '{', '+', '-', 'body:x', '🙂')
  const piece = fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 6 }), nasty)
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(' ')), (q) => {
      expect(() => search(q)).not.toThrow()
    }),
    { numRuns: 2000, seed: 9_001 },
  )
})
