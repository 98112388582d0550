import { invalidInput, notFound, type Profile, type TopicMembership } from '../contract'
import type { Template } from '../contract/simulator-schemas'
import type { TemplatesRepo } from '../store/templates-repo'
import { isoSeconds } from '../time/format'
import type { Scheduler } from '../time/scheduler'
import { canGenerate, generatePayload, renderBody, seedFrom } from './index'
import { parseBody } from './parse-body'
import { scenarios } from './scenarios'

export interface SimulatorServiceDeps {
  templates: TemplatesRepo
  scheduler: Scheduler
  knows: TopicMembership
}

/** The Simulator screen's procedures: preview, reading an edited body back, scenarios, templates. */
export class SimulatorService {
  constructor(private readonly deps: SimulatorServiceDeps) {}

  preview(input: { profile: Profile; topic: string; seed?: number; format: 'json' | 'xml' | 'form' }) {
    if (!this.deps.knows(input.profile, input.topic) || !canGenerate(input.profile, input.topic)) throw invalidInput({ topic: ['unknown_topic'] })
    const seed = input.seed ?? seedFrom(() => this.deps.scheduler.random())
    const generated = generatePayload({ profile: input.profile, topic: input.topic, seed })
    const { body, contentType } = renderBody(generated, input.format)
    return { seed, payload: generated.data, body, content_type: contentType }
  }

  parseBody(format: 'json' | 'xml', body: string) {
    return { payload: parseBody(format, body) }
  }

  scenarios() {
    return { scenarios: scenarios() }
  }

  templates(): { templates: Template[] } {
    return { templates: this.deps.templates.all() }
  }

  saveTemplate(input: Omit<Template, 'id' | 'created_on'>): Template {
    if (!this.deps.knows(input.profile, input.topic)) throw invalidInput({ topic: ['unknown_topic'] })
    if (Buffer.byteLength(JSON.stringify(input.payload)) > 5 * 1024 * 1024) throw invalidInput({ payload: ['too_long'] })
    const id = this.deps.templates.save({ ...input, created_on: isoSeconds(this.deps.scheduler.now()) })
    return this.deps.templates.get(id)!
  }

  deleteTemplate(id: number): void {
    if (this.deps.templates.delete(id) === 0) throw notFound(`Template ${id}`)
  }
}
