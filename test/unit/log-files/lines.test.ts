import fc from 'fast-check'
import { expect, test } from 'vitest'
import { readLines, type LineLimits } from '../../../electron/core/log-files/lines'
import { chunked } from '../../support/log-files'

const roomy: LineLimits = { maxBytes: 1 << 20, maxLineBytes: 1 << 16 }

async function collect(source: AsyncIterable<Uint8Array>, limits = roomy) {
  const out: Array<{ n: number; text: string }> = []
  for await (const line of readLines(source, limits)) out.push(line)
  return out
}

test('lines are numbered as an editor numbers them, across any chunking, CRLF and a BOM accepted', async () => {
  const text = '\ufeff{"a":1}\r\n\nđơn hàng ✓\nlast without newline'
  for (const size of [1, 2, 3, 7, 1000]) {
    expect(await collect(chunked(text, size))).toEqual([
      { n: 1, text: '{"a":1}' },
      { n: 2, text: '' },
      { n: 3, text: 'đơn hàng ✓' },
      { n: 4, text: 'last without newline' },
    ])
  }
})

test('any text split anywhere comes back line for line', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.string({ unit: 'grapheme', maxLength: 30 }).filter((s) => !s.includes('\n') && !s.endsWith('\r')), { minLength: 1, maxLength: 20 }), fc.integer({ min: 1, max: 50 }), async (lines, size) => {
      const got = await collect(chunked(lines.join('\n') + '\n', size))
      expect(got.map((l) => l.text)).toEqual(lines.map((l, i) => (i === 0 && l.startsWith('\ufeff') ? l.slice(1) : l)))
    }),
    { numRuns: 200, seed: 9_005 },
  )
})

test('a stream past maxBytes is refused as soon as it is, naming the file; a long line names its number', async () => {
  await expect(collect(chunked('a\n'.repeat(100), 10), { maxBytes: 150, maxLineBytes: 100 })).rejects.toMatchObject({ fields: { file: ['too_long'] } })
  await expect(collect(chunked('ok\n' + 'x'.repeat(101) + '\n', 7), { maxBytes: 1000, maxLineBytes: 100 })).rejects.toMatchObject({
    message: 'Line 2: is longer than 100 bytes',
    fields: { 'line 2': ['too_long'] },
  })
  // A last line with no newline is bounded too.
  await expect(collect(chunked('x'.repeat(101), 7), { maxBytes: 1000, maxLineBytes: 100 })).rejects.toMatchObject({ fields: { 'line 1': ['too_long'] } })
  expect(await collect(chunked('x'.repeat(100), 7), { maxBytes: 100, maxLineBytes: 100 })).toHaveLength(1)
})

test('bytes that are not UTF-8 are refused on their line, not replaced', async () => {
  const bytes = Buffer.concat([Buffer.from('fine\n'), Buffer.from([0x7b, 0xff, 0x7d]), Buffer.from('\n')])
  await expect(collect(chunked(bytes, 2))).rejects.toMatchObject({ message: 'Line 2: is not valid UTF-8' })
})
