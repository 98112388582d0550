/**
 * A JSON syntax checker that says where the first error is (line and column, 1-based).
 * JSON.parse's messages differ between V8 versions (Node vs Electron) and some carry no
 * position at all; the Simulator screen and the Admin API need one they can show.
 */
export interface JsonSyntaxError { message: string; line: number; column: number; offset: number }

export function checkJson(text: string): JsonSyntaxError | null {
  let i = 0
  const fail = (message: string): never => {
    throw Object.assign(new Error(message), { offset: i })
  }
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++
  }
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length
    else fail(`Unexpected ${describe(text, i)}`)
  }
  const string = () => {
    i++ // opening quote
    while (i < text.length) {
      const c = text.charCodeAt(i)
      if (c === 0x22) { i++; return }
      if (c < 0x20) fail('Control character in string')
      if (c === 0x5c) {
        const e = text[i + 1]
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('Bad \\u escape')
          i += 6
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2
        else fail('Bad escape')
      } else i++
    }
    fail('Unterminated string')
  }
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400))
    if (!m) fail(`Unexpected ${describe(text, i)}`)
    i += m![0].length
  }
  const value = (depth: number): void => {
    if (depth > 512) fail('Nested too deeply')
    ws()
    const c = text[i]
    if (c === '{') {
      i++; ws()
      if (text[i] === '}') { i++; return }
      for (;;) {
        ws()
        if (text[i] !== '"') fail(`Expected a property name, found ${describe(text, i)}`)
        string(); ws()
        if (text[i] !== ':') fail(`Expected ':', found ${describe(text, i)}`)
        i++
        value(depth + 1); ws()
        if (text[i] === ',') { i++; continue }
        if (text[i] === '}') { i++; return }
        fail(`Expected ',' or '}', found ${describe(text, i)}`)
      }
    } else if (c === '[') {
      i++; ws()
      if (text[i] === ']') { i++; return }
      for (;;) {
        value(depth + 1); ws()
        if (text[i] === ',') { i++; continue }
        if (text[i] === ']') { i++; return }
        fail(`Expected ',' or ']', found ${describe(text, i)}`)
      }
    } else if (c === '"') string()
    else if (c === 't') literal('true')
    else if (c === 'f') literal('false')
    else if (c === 'n') literal('null')
    else number()
  }
  try {
    value(0); ws()
    if (i < text.length) fail(`Unexpected ${describe(text, i)} after the JSON value`)
    return null
  } catch (error) {
    const offset = (error as { offset: number }).offset
    const before = text.slice(0, offset)
    const line = before.split('\n').length
    const column = offset - before.lastIndexOf('\n')
    return { message: (error as Error).message, line, column, offset }
  }
}

function describe(text: string, i: number): string {
  return i >= text.length ? 'end of input' : `'${text[i]}'`
}
