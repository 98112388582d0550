import type { Profile } from '../contract'
import type { Db } from './database'

export interface CustomTopicRecord {
  profile: Profile
  topic: string
  template: string | null
  created_on: string
}

export class CustomTopicsRepo {
  constructor(private readonly db: Db) {}

  all(): CustomTopicRecord[] {
    return this.db.prepare('SELECT profile, topic, template, created_on FROM custom_topics ORDER BY profile, topic').all() as CustomTopicRecord[]
  }

  template(profile: Profile, topic: string): string | null {
    const row = this.db.prepare('SELECT template FROM custom_topics WHERE profile = ? AND topic = ?').get(profile, topic) as { template: string | null } | undefined
    return row?.template ?? null
  }

  has(profile: Profile, topic: string): boolean {
    return this.db.prepare('SELECT 1 FROM custom_topics WHERE profile = ? AND topic = ?').get(profile, topic) !== undefined
  }

  insert(record: CustomTopicRecord): void {
    this.db.prepare('INSERT INTO custom_topics (profile, topic, template, created_on) VALUES (@profile, @topic, @template, @created_on)').run(record)
  }

  delete(profile: Profile, topic: string): number {
    return this.db.prepare('DELETE FROM custom_topics WHERE profile = ? AND topic = ?').run(profile, topic).changes
  }
}
