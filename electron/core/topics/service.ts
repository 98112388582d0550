import { groupByResource, HooklabError, notFound, PROFILES, type Profile, type TopicCatalog } from '../contract'
import { fillTemplate } from '../simulator/template'
import { isCatalogTopic, TOPICS } from '../simulator/topics'
import type { CustomTopicRecord, CustomTopicsRepo } from '../store/custom-topics-repo'
import { isoSeconds } from '../time/format'
import type { Clock } from '../time/scheduler'

export interface TopicServiceDeps {
  repo: CustomTopicsRepo
  clock: Clock
  /** Webhooks of `profile` subscribed to `topic`. */
  subscribers(profile: Profile, topic: string): number[]
  emit(origin: string): void
}

/**
 * Which topics each profile has: the provider's catalog plus the user's own (SPEC §4).
 * Membership is decided here, in the core, never in the shared schemas: the renderer
 * cannot know the user's custom topics, and must not bundle the catalogs' generators.
 */
export class TopicService {
  constructor(private readonly deps: TopicServiceDeps) {}

  /** Whether a webhook of `profile` may subscribe to `topic`. */
  readonly knows = (profile: Profile, topic: string): boolean => isCatalogTopic(profile, topic) || this.deps.repo.has(profile, topic)

  catalog(): TopicCatalog {
    const custom = new Map<Profile, string[]>()
    for (const row of this.deps.repo.all()) custom.set(row.profile, [...(custom.get(row.profile) ?? []), row.topic])
    return {
      profiles: PROFILES.map((profile) => {
        const own = custom.get(profile) ?? []
        return {
          profile,
          groups: groupByResource([...TOPICS[profile], ...own]),
          custom: own,
          open: profile === 'standard' || profile === 'woocommerce',
        }
      }),
    }
  }

  /** The payload template of a custom topic, if it has one. */
  templateOf(profile: Profile, topic: string): string | null {
    return this.deps.repo.template(profile, topic)
  }

  createCustom(profile: Profile, topic: string, origin: string, template: string | null = null): CustomTopicRecord {
    // Open profiles accept any well-formed type, but a stored one is listed in the catalog.
    if (TOPICS[profile].includes(topic) || this.deps.repo.has(profile, topic)) {
      throw new HooklabError('conflict', `${profile} already has the topic ${topic}`, { topic: ['invalid'] })
    }
    // A template with a syntax error is refused here, with its line and column, not at fire time.
    if (template !== null) fillTemplate(template, 0)
    const record: CustomTopicRecord = { profile, topic, template, created_on: isoSeconds(this.deps.clock.now()) }
    this.deps.repo.insert(record)
    this.deps.emit(origin)
    return record
  }

  /** A topic that webhooks still subscribe to stays: removing it would leave them unsaveable. */
  deleteCustom(profile: Profile, topic: string, origin: string): void {
    const users = this.deps.subscribers(profile, topic)
    if (users.length > 0) throw new HooklabError('conflict', `Webhooks ${users.join(', ')} subscribe to ${topic}; change them first`)
    if (this.deps.repo.delete(profile, topic) === 0) throw notFound(`Custom topic ${topic} of ${profile}`)
    this.deps.emit(origin)
  }
}
