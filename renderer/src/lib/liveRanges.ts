/**
 * Groups ids into as few contiguous id ranges as possible, none wider than `maxSpan`, so rows
 * that changed can be read back with one keyset page per range (`dir: 'gt', id: from - 1,
 * limit: to - from + 1`) rather than one call per row.
 */
export function liveRanges(ids: readonly number[], maxSpan: number): Array<{ from: number; to: number }> {
  const sorted = [...new Set(ids)].sort((a, b) => a - b)
  const ranges: Array<{ from: number; to: number }> = []
  for (const id of sorted) {
    const last = ranges.at(-1)
    if (last && id - last.from + 1 <= maxSpan) last.to = id
    else ranges.push({ from: id, to: id })
  }
  return ranges
}
