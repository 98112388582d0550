import { createRequire } from 'node:module'
import Ajv from 'ajv'
import addFormats from 'ajv-formats'
import { beforeAll, describe, expect, it } from 'vitest'
import { generatePayload, githubActions } from '../../../electron/core/simulator'
import { TOPICS } from '../../../electron/core/simulator/topics'

// GitHub's own payload schemas: every event × every action the simulator offers must validate.
const schema = createRequire(import.meta.url)('@octokit/webhooks-schemas/schema.json') as Record<string, unknown>
const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false })
addFormats(ajv)
ajv.addSchema(schema, 'github')

function definitionFor(topic: string, action: string | undefined): string {
  return action ? `${topic}$${action}` : `${topic}$event`
}

const cases = TOPICS.github.flatMap((topic) => {
  const actions = githubActions(topic)
  return actions.length === 0 ? [{ topic, action: undefined as string | undefined }] : actions.map((action) => ({ topic, action }))
})

describe('GitHub payloads validate against @octokit/webhooks-schemas', () => {
  // Compiling GitHub's 600 kB schema takes a while on a slow machine: once, before the cases.
  beforeAll(() => {
    for (const { topic, action } of cases) ajv.getSchema(`github#/definitions/${definitionFor(topic, action)}`)
  }, 120_000)

  it('the validator is strict enough to fail a payload with an extra or a missing field', () => {
    const validate = ajv.getSchema('github#/definitions/issues$opened')!
    const { data } = generatePayload({ profile: 'github', topic: 'issues', seed: 7 })
    expect(validate(data)).toBe(true)
    expect(validate({ ...data, surprise: 1 })).toBe(false)
    const { sender: _sender, ...withoutSender } = data
    expect(validate(withoutSender)).toBe(false)
  })

  it.each(cases)('$topic $action', ({ topic, action }) => {
    for (const seed of [0, 1, 123_456_789, 0xffffffff]) {
      const { data } = generatePayload({ profile: 'github', topic, seed, action, webhookId: 42 })
      const validate = ajv.getSchema(`github#/definitions/${definitionFor(topic, action)}`)
      expect(validate, `schema for ${topic} ${action ?? ''}`).toBeTypeOf('function')
      const ok = validate!(data)
      expect(ok ? [] : validate!.errors!.slice(0, 8).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`)).toEqual([])
    }
  })

  it('the default action is the first one offered', () => {
    expect(generatePayload({ profile: 'github', topic: 'issues', seed: 1 }).data.action).toBe('opened')
    expect(generatePayload({ profile: 'github', topic: 'pull_request', seed: 1 }).data.action).toBe('opened')
  })

  it('refuses an action the event does not have', () => {
    expect(() => generatePayload({ profile: 'github', topic: 'issues', seed: 1, action: 'exploded' })).toThrow(/action/)
    expect(() => generatePayload({ profile: 'github', topic: 'push', seed: 1, action: 'opened' })).toThrow(/action/)
  })
})
