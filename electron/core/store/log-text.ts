/**
 * Text for the event log's full-text index (SPEC §8), and the user's search turned into an
 * FTS5 query. Both sides are folded the same way: unicode61 (remove_diacritics 2) folds
 * case and most Vietnamese diacritics itself, but `đ` is a letter of its own to Unicode,
 * so it becomes `d` here; text in decomposed form is composed first, or its combining marks
 * would split words.
 */
const HAS_COMBINING = /[\u0300-\u036f]/
const D_STROKE = /[đĐ]/g
// JSON escapes glue their letter to the next word (`a\nb` would index as `a`, `nb`).
const JSON_ESCAPE = /\\[nrtbf"/\\]/g

export function foldForIndex(text: string): string {
  const composed = HAS_COMBINING.test(text) ? text.normalize('NFC') : text
  return composed.replace(D_STROKE, 'd')
}

/** A stored payload or header map (JSON text) as words for the index. */
export function jsonForIndex(json: string): string {
  return foldForIndex(json.replace(JSON_ESCAPE, ' '))
}

/** At most this many words of a query reach FTS5: a search is a few words, not a document. */
export const MAX_QUERY_WORDS = 16

/**
 * The user's words as an FTS5 query that matches rows containing all of them. Each
 * whitespace-separated word becomes one FTS5 string (`"…"`, inner quotes doubled), so
 * operators (AND OR NOT NEAR), `*`, `^`, `:`, parentheses and SQL are only text; a word
 * with punctuation inside (`a@b.com`, `msg_2x`, a UUID) matches its parts in sequence.
 * Control characters are dropped (FTS5 stops reading a query at NUL). Returns null when
 * there is nothing to search for.
 */
export function ftsQuery(q: string): string | null {
  const words = foldForIndex(q)
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .split(/\s+/u)
    .filter((w) => w.length > 0)
    .slice(0, MAX_QUERY_WORDS)
  if (words.length === 0) return null
  return words.map((w) => `"${w.replace(/"/g, '""')}"`).join(' ')
}

/** What a search for an id looks like: a delivery or event id, or a style's delivery id (UUID, `msg_…`, hex). */
export function idLike(q: string): { number: number | null; providerId: string | null } {
  const trimmed = q.trim()
  const number = /^\d{1,15}$/.test(trimmed) ? Number(trimmed) : null
  const providerId = /^[A-Za-z0-9_-]{8,100}$/.test(trimmed) ? trimmed : null
  return { number: number !== null && number > 0 ? number : null, providerId }
}
