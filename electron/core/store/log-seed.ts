import type { Db } from './database'

/**
 * A bulk path into the store for `npm run bench:log`: fills the log with events, their
 * bodies, deliveries in every state and their attempts as the engine would have left them,
 * without sending anything. The rows are generated inside SQLite (INSERT … SELECT over
 * small pools, a deterministic hash per row for every choice), because building a million
 * rows one statement at a time in JavaScript costs more than writing them. The full-text
 * index is left to the real background indexer, as firing leaves it.
 */
export interface SeedPayload {
  profile: string
  topic: string
  /** The payload as stored on the event (JSON). */
  payload: string
  root: string
  bodies: Record<string, { contentType: string; body: Buffer }>
}

export interface SeedWebhook {
  id: number
  profile: string
  format: string
  url: string
  /** Request headers as JSON, with `{{id}}`, `{{provider_id}}` and `{{signature}}` filled per attempt. */
  requestHeaders: string
  /** The form of the signing style's delivery id. */
  idStyle: 'uuid' | 'msg' | 'hex'
}

/** What a receiver answered: a status and body, or only an error class (no answer at all). */
export interface SeedAnswer {
  status: number | null
  headers: string | null
  body: Buffer | null
  error_class: string | null
  error_message: string | null
}

export interface SeedPlan {
  deliveries: number
  webhooks: readonly SeedWebhook[]
  payloads: readonly SeedPayload[]
  successes: readonly SeedAnswer[]
  failures: readonly SeedAnswer[]
  /** Deliveries are spread evenly over [fromMs, toMs), oldest first. */
  fromMs: number
  toMs: number
  /** Changes every choice; the same salt seeds the same log. */
  salt?: number
  /** Deliveries per transaction. */
  batch?: number
  progress?: (written: number) => void
}

/**
 * A hash of an integer expression to 0..32767, in SQLite integer arithmetic (no overflow
 * for x below 2^31): a quadratic residue, so consecutive rows do not get linear choices,
 * then one step of the C library's LCG.
 */
const H = (x: string, salt: number) =>
  `((((((${x}) % 46337) * ((${x}) % 46337) + (${x}) * 7919 + ${salt * 104729}) % 2147483647) * 1103515245 + 12345) / 65536 % 32768)`
const iso = (ms: string) => `strftime('%Y-%m-%dT%H:%M:%SZ', (${ms}) / 1000, 'unixepoch')`
const isoMs = (ms: string) => `strftime('%Y-%m-%dT%H:%M:%fZ', (${ms}) / 1000.0, 'unixepoch')`
/** Ids and signatures only need to look real and differ, not to repeat between runs. */
const UUID = `(SELECT lower(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-a' || substr(h, 18, 3) || '-' || substr(h, 21)) FROM (SELECT hex(randomblob(16)) AS h))`

/** Outcomes in the proportions of a busy log: mostly successes, some failures, retries, waits. */
const STATUS = (r: string) =>
  `CASE WHEN ${r} < 80 THEN 'succeeded' WHEN ${r} < 90 THEN 'failed' WHEN ${r} < 94 THEN 'retrying' WHEN ${r} < 97 THEN 'pending' ELSE 'cancelled' END`

function createPools(db: Db, plan: SeedPlan): void {
  db.exec(`
    CREATE TEMP TABLE seed_pool (k INTEGER PRIMARY KEY, profile TEXT, topic TEXT, payload TEXT, root TEXT);
    CREATE TEMP TABLE seed_body (k INTEGER, format TEXT, content_type TEXT, body BLOB, PRIMARY KEY (k, format));
    CREATE TEMP TABLE seed_hook (id INTEGER PRIMARY KEY, profile TEXT, j INTEGER, format TEXT, url TEXT, headers TEXT, style TEXT, UNIQUE (profile, j));
    CREATE TEMP TABLE seed_profile (profile TEXT PRIMARY KEY, n INTEGER);
    CREATE TEMP TABLE seed_answer (k INTEGER PRIMARY KEY, status INTEGER, headers TEXT, body BLOB, error_class TEXT, error_message TEXT);
    CREATE TEMP TABLE seed_count (j INTEGER PRIMARY KEY);
  `)
  const profiles = new Map<string, SeedWebhook[]>()
  for (const w of plan.webhooks) profiles.set(w.profile, [...(profiles.get(w.profile) ?? []), w])
  const payloads = plan.payloads.filter((p) => profiles.has(p.profile))
  if (payloads.length === 0) throw new Error('seedLog: no payload has a webhook of its profile')
  const pool = db.prepare('INSERT INTO temp.seed_pool VALUES (?, ?, ?, ?, ?)')
  const body = db.prepare('INSERT INTO temp.seed_body VALUES (?, ?, ?, ?)')
  payloads.forEach((p, k) => {
    pool.run(k, p.profile, p.topic, p.payload, p.root)
    for (const [format, b] of Object.entries(p.bodies)) body.run(k, format, b.contentType, b.body)
  })
  const hook = db.prepare('INSERT INTO temp.seed_hook VALUES (?, ?, ?, ?, ?, ?, ?)')
  for (const [profile, hooks] of profiles) {
    hooks.forEach((w, j) => hook.run(w.id, profile, j, w.format, w.url, w.requestHeaders, w.idStyle))
    db.prepare('INSERT INTO temp.seed_profile VALUES (?, ?)').run(profile, hooks.length)
  }
  const answer = db.prepare('INSERT INTO temp.seed_answer VALUES (?, ?, ?, ?, ?, ?)')
  ;[...plan.successes, ...plan.failures].forEach((a, k) => answer.run(k, a.status, a.headers, a.body, a.error_class, a.error_message))
  for (let j = 0; j < 8; j++) db.prepare('INSERT INTO temp.seed_count VALUES (?)').run(j)
  db.exec('ANALYZE temp')
}

export function seedLog(db: Db, plan: SeedPlan): { events: number; deliveries: number; attempts: number } {
  const salt = plan.salt ?? 1
  const S = (n: number) => salt * 1000 + n
  const ok = plan.successes.length
  const fail = plan.failures.length
  if (ok === 0 || fail === 0) throw new Error('seedLog: needs at least one success and one failure')
  const start = (table: string) => (db.prepare(`SELECT COALESCE(MAX(id), 0) AS id FROM ${table}`).get() as { id: number }).id
  const d0 = start('deliveries')
  const e0 = start('events')
  const a0 = start('attempts')
  const span = plan.toMs - plan.fromMs
  const at = (id: string) => `(${plan.fromMs} + ((${id}) - ${d0} - 1) * ${span} / ${plan.deliveries})`
  // The answer of attempt t: the last attempt of a success succeeded, every other one failed.
  const answerOf = (id: string, t: string, status: string, tries: string) =>
    `CASE WHEN ${status} = 'succeeded' AND ${t} = ${tries} THEN ${H(id, S(7))} % ${ok} ELSE ${ok} + ${H(`${id} * 8 + ${t}`, S(8))} % ${fail} END`
  // Each webhook has its own latency, so the dashboard's p50/p95 differ between them.
  const durationOf = (id: string, t: string, errorClass: string, webhook: string) =>
    `CASE WHEN ${errorClass} = 'timeout' THEN 15000 ELSE 20 + (${webhook} % 9) * 40 + ${H(`${id} * 8 + ${t}`, S(9))} % (100 + (${webhook} % 5) * 300) END`

  // Before any temp table exists: changing it later drops them.
  db.pragma('temp_store = MEMORY')
  // Consistent by construction; checking each row's parents and children would double the
  // cost. Off before the statements are compiled, or they carry the checks anyway.
  const foreignKeys = db.pragma('foreign_keys', { simple: true })
  db.pragma('foreign_keys = OFF')
  createPools(db, plan)
  const poolSize = (db.prepare('SELECT COUNT(*) AS n FROM temp.seed_pool').get() as { n: number }).n
  const poolOf = (eventId: string) => `${H(`${eventId} - ${e0}`, S(1))} % ${poolSize}`
  // Deliveries first, event by event: one to four webhooks of the event's profile each.
  const deliveries = db.prepare(`
    WITH RECURSIVE s(n) AS (SELECT @n0 UNION ALL SELECT n + 1 FROM s WHERE n < @n1 - 1),
    picked AS (SELECT s.n, p.topic, w.id AS hook_id, w.style, f.j FROM s
      JOIN temp.seed_pool p ON p.k = ${poolOf(`s.n + ${e0}`)} JOIN temp.seed_profile c ON c.profile = p.profile
      JOIN temp.seed_count f ON f.j < MIN(1 + ${H('s.n', S(2))} % 4, c.n)
      JOIN temp.seed_hook w ON w.profile = p.profile AND w.j = (${H('s.n', S(3))} + f.j) % c.n),
    numbered AS (SELECT @d + row_number() OVER (ORDER BY n, j) AS id, * FROM picked ORDER BY n, j LIMIT @left),
    x AS (SELECT *, ${STATUS(`${H('id', S(4))} % 100`)} AS status, ${H('id', S(5))} % 1000 AS r_tag, ${H('id', S(6))} AS r_tries, ${at('id')} AS at FROM numbered),
    y AS MATERIALIZED (SELECT x.*, CASE x.status WHEN 'pending' THEN 0 WHEN 'succeeded' THEN CASE WHEN r_tries % 10 < 9 THEN 1 ELSE 2 + r_tries % 2 END
      WHEN 'cancelled' THEN r_tries % 3 ELSE 1 + r_tries % 7 END AS tries FROM x)
    INSERT INTO deliveries (id, event_id, webhook_id, status, tag, provider_id, attempts, next_attempt_at, last_status_code, last_error_class,
      last_duration_ms, replay_of, created_on, finished_on, topic, created_at, status_class)
    SELECT y.id, ${e0} + y.n, y.hook_id, y.status,
      CASE WHEN r_tag < 10 THEN 'test' WHEN r_tag < 15 THEN 'ping' WHEN r_tag < 25 THEN 'replay' END,
      CASE y.style WHEN 'uuid' THEN ${UUID} WHEN 'msg' THEN 'msg_' || lower(hex(randomblob(12))) ELSE lower(hex(randomblob(16))) END,
      y.tries, CASE WHEN y.status IN ('pending', 'retrying') THEN y.at + 60000 * (1 + y.tries) ELSE y.at END,
      a.status, a.error_class, CASE WHEN a.k IS NULL THEN NULL ELSE ${durationOf('y.id', 'y.tries', 'a.error_class', 'y.hook_id')} END,
      CASE WHEN r_tag >= 15 AND r_tag < 25 AND y.id > ${d0 + 1} THEN ${d0 + 1} + ${H('y.id', S(10))} % (y.id - ${d0 + 1}) END,
      ${iso('y.at')}, CASE WHEN y.status IN ('succeeded', 'failed', 'cancelled') THEN ${iso('y.at + 60000 * y.tries')} END,
      y.topic, y.at / 1000 * 1000,
      CASE WHEN a.k IS NULL THEN NULL WHEN a.status IS NULL THEN 'network' WHEN a.status < 300 THEN '2xx' WHEN a.status < 400 THEN '3xx' WHEN a.status < 500 THEN '4xx' ELSE '5xx' END
    FROM y LEFT JOIN temp.seed_answer a ON y.tries > 0 AND a.k = ${answerOf('y.id', 'y.tries', 'y.status', 'y.tries')}`)
  // Then the events they belong to, each at its first delivery's time, and its bodies in the formats its webhooks take.
  const events = db.prepare(`
    INSERT INTO events (id, profile, topic, seed, payload, root, burst_id, created_on)
    SELECT d.event_id, p.profile, p.topic, NULL, p.payload, p.root, NULL, MIN(d.created_on)
    FROM deliveries d NOT INDEXED JOIN temp.seed_pool p ON p.k = ${poolOf('d.event_id')} WHERE d.id > @d GROUP BY d.event_id`)
  const bodies = db.prepare(`
    INSERT OR IGNORE INTO event_bodies (event_id, format, content_type, body)
    SELECT d.event_id, w.format, b.content_type, b.body FROM deliveries d NOT INDEXED CROSS JOIN temp.seed_hook w ON w.id = d.webhook_id
    JOIN temp.seed_body b ON b.k = ${poolOf('d.event_id')} AND b.format = w.format WHERE d.id > @d`)
  const attempts = db.prepare(`
    INSERT INTO attempts (delivery_id, n, scheduled_for, started_on, duration_ms, method, url, request_headers, response_status, response_headers,
      response_truncated, error_class, error_message)
    SELECT d.id, t.j, ${isoMs(`d.created_at + (t.j - 1) * 60000`)}, ${isoMs(`d.created_at + (t.j - 1) * 60000 + 3`)}, ${durationOf('d.id', 't.j', 'a.error_class', 'd.webhook_id')},
      'POST', w.url, replace(replace(replace(w.headers, '{{id}}', d.id), '{{provider_id}}', d.provider_id), '{{signature}}', lower(hex(randomblob(32)))),
      a.status, a.headers, 0, a.error_class, a.error_message
    FROM deliveries d CROSS JOIN temp.seed_hook w ON w.id = d.webhook_id JOIN temp.seed_count t ON t.j BETWEEN 1 AND d.attempts
    JOIN temp.seed_answer a ON a.k = ${answerOf('d.id', 't.j', 'd.status', 'd.attempts')}
    WHERE d.id > @d ORDER BY d.id, t.j`)
  const attemptBodies = db.prepare(`
    INSERT INTO attempt_bodies (attempt_id, body)
    SELECT x.id, a.body FROM attempts x JOIN deliveries d ON d.id = x.delivery_id JOIN temp.seed_answer a ON a.k = ${answerOf('d.id', 'x.n', 'd.status', 'd.attempts')}
    WHERE x.id > @a AND a.body IS NOT NULL AND length(a.body) > 0`)

  const batch = plan.batch ?? 25_000
  let written = 0
  let n = 1
  const step = db.transaction(() => {
    const d = d0 + written
    const end = Math.min(plan.deliveries, written + batch)
    let rows = 0
    while (written + rows < end) {
      const left = end - written - rows
      // Events have 2.5 deliveries on average: half as many events as rows wanted, then top up.
      rows += deliveries.run({ n0: n, n1: n + Math.ceil(left / 2) + 16, d: d + rows, left }).changes
      n = 1 + (db.prepare('SELECT MAX(event_id) AS e FROM deliveries').get() as { e: number }).e - e0
    }
    events.run({ d })
    bodies.run({ d })
    const a = start('attempts')
    attempts.run({ d })
    attemptBodies.run({ a })
    written += rows
  })
  try {
    while (written < plan.deliveries) {
      step()
      plan.progress?.(written)
    }
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`)
    db.exec('DROP TABLE temp.seed_pool; DROP TABLE temp.seed_body; DROP TABLE temp.seed_hook; DROP TABLE temp.seed_profile; DROP TABLE temp.seed_answer; DROP TABLE temp.seed_count')
  }
  return { events: start('events') - e0, deliveries: written, attempts: start('attempts') - a0 }
}
