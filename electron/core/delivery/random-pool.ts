/**
 * Random bytes drawn from the injected source a page at a time: every delivery needs a
 * provider id, and one system call per id showed up in the engine's profile.
 */
export function randomPool(source: (n: number) => Buffer, pageSize = 4096): (n: number) => Buffer {
  let page: Buffer = Buffer.alloc(0)
  let offset = 0
  return (n: number) => {
    if (n > pageSize) return source(n)
    if (offset + n > page.length) {
      page = source(pageSize)
      offset = 0
    }
    const out = Buffer.from(page.subarray(offset, offset + n))
    offset += n
    return out
  }
}
