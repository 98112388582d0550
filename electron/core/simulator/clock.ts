/**
 * Seeded time (SPEC §8 Determinism): a payload's timestamps come from its seed, never from
 * the wall clock, so the same seed gives the same bytes. The universe starts at EPOCH and
 * seed s happens at EPOCH + floor(s / 32) seconds: about 4.25 years for all uint32 seeds,
 * and a larger seed is never earlier (ids derived from the seed increase with time too).
 */
export const EPOCH_MS = Date.UTC(2024, 0, 1, 0, 0, 0)

export function momentOf(seed: number): number {
  return EPOCH_MS + Math.floor((seed >>> 0) / 32) * 1000
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** ISO 8601 at a fixed offset, `2024-03-05T14:02:11+07:00` (Sapo: Vietnam time). */
export function isoAt(ms: number, offsetMinutes: number): string {
  const d = new Date(ms + offsetMinutes * 60_000)
  const sign = offsetMinutes < 0 ? '-' : '+'
  const off = Math.abs(offsetMinutes)
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` +
    `${sign}${pad(Math.floor(off / 60))}:${pad(off % 60)}`
  )
}

/** `2024-03-05T07:02:11Z` (GitHub, Standard Webhooks). */
export function isoUtc(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z')
}

export const vnTime = (ms: number): string => isoAt(ms, 7 * 60)
export const unixSeconds = (ms: number): number => Math.floor(ms / 1000)
