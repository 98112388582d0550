import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { isProcedureName, isPushedEventName, procedures, pushedEvents, PROCEDURE_NAMES, PUSHED_EVENT_NAMES } from '../../../electron/core/contract'

describe('the contract names shared by main and preload', () => {
  it('live in a file with no imports, so the sandboxed preload can bundle it', () => {
    const source = readFileSync(new URL('../../../electron/core/contract/names.ts', import.meta.url), 'utf8')
    expect(source).not.toMatch(/^\s*import\s/m)
    expect(source).not.toMatch(/require\(/)
  })

  it('are exactly the rows of the procedure and event tables', () => {
    expect(Object.keys(procedures).sort()).toEqual([...PROCEDURE_NAMES].sort())
    expect(Object.keys(pushedEvents).sort()).toEqual([...PUSHED_EVENT_NAMES].sort())
  })

  it('give every procedure a role in its own row', () => {
    for (const name of PROCEDURE_NAMES) expect(['read', 'admin']).toContain(procedures[name].role)
    expect(procedures['webhooks.create'].role).toBe('admin')
    expect(procedures['webhooks.list'].role).toBe('read')
    expect(procedures['tokens.list'].role).toBe('admin')
  })

  it('accept only those names', () => {
    for (const name of PROCEDURE_NAMES) expect(isProcedureName(name)).toBe(true)
    for (const name of PUSHED_EVENT_NAMES) expect(isPushedEventName(name)).toBe(true)
    for (const bad of ['', 'constructor', '__proto__', 'toString', 'webhooks.changed', undefined, 1, {}]) {
      expect(isProcedureName(bad), String(bad)).toBe(false)
    }
    expect(isPushedEventName('webhooks.list')).toBe(false)
    expect(isPushedEventName('hasOwnProperty')).toBe(false)
  })
})
