import { describe, expect, it } from 'vitest'
import { PROCEDURE_NAMES, PUSHED_EVENT_NAMES } from '../../../electron/core/contract'
import * as preload from '../../../electron/preload/names'

describe("the preload's name lists", () => {
  it('are exactly the contract names', () => {
    expect([...preload.PROCEDURE_NAMES].sort()).toEqual([...PROCEDURE_NAMES].sort())
    expect([...preload.PUSHED_EVENT_NAMES].sort()).toEqual([...PUSHED_EVENT_NAMES].sort())
  })

  it('accept only those names', () => {
    for (const name of PROCEDURE_NAMES) expect(preload.isProcedureName(name)).toBe(true)
    for (const name of PUSHED_EVENT_NAMES) expect(preload.isPushedEventName(name)).toBe(true)
    for (const bad of ['', 'constructor', '__proto__', 'toString', 'webhooks.changed', undefined, 1, {}]) {
      expect(preload.isProcedureName(bad), String(bad)).toBe(false)
    }
    expect(preload.isPushedEventName('webhooks.list')).toBe(false)
    expect(preload.isPushedEventName('hasOwnProperty')).toBe(false)
  })
})
