import type { Template } from '../contract/simulator-schemas'
import type { Db } from './database'

interface Row extends Omit<Template, 'payload'> {
  payload: string
}

export class TemplatesRepo {
  constructor(private readonly db: Db) {}

  all(): Template[] {
    return (this.db.prepare('SELECT * FROM templates ORDER BY profile, name').all() as Row[]).map((r) => ({ ...r, payload: JSON.parse(r.payload) as Record<string, unknown> }))
  }

  /** Saves by (profile, name): saving again under the same name replaces it. */
  save(t: Omit<Template, 'id'>): number {
    const row = this.db
      .prepare(
        `INSERT INTO templates (name, profile, topic, payload, created_on) VALUES (@name, @profile, @topic, @payload, @created_on)
         ON CONFLICT (profile, name) DO UPDATE SET topic = excluded.topic, payload = excluded.payload RETURNING id`,
      )
      .get({ ...t, payload: JSON.stringify(t.payload) }) as { id: number }
    return row.id
  }

  get(id: number): Template | undefined {
    const row = this.db.prepare('SELECT * FROM templates WHERE id = ?').get(id) as Row | undefined
    return row && { ...row, payload: JSON.parse(row.payload) as Record<string, unknown> }
  }

  delete(id: number): number {
    return this.db.prepare('DELETE FROM templates WHERE id = ?').run(id).changes
  }
}
