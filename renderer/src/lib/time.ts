import { ref } from 'vue'

/** One shared clock so every relative time in the table moves together, twice a minute. */
export const now = ref(Date.now())
setInterval(() => (now.value = Date.now()), 30_000)

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86400],
  ['month', 30 * 86400],
  ['week', 7 * 86400],
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
]

/**
 * "3 min ago" / "3 phút trước", in the current language; `justNow` ("just now" / "vừa xong")
 * for the first minute, since a count of seconds would be stale before the next tick.
 */
export function relativeTime(iso: string, locale: string, justNow: string, tick: number = now.value): string {
  // `tick` only makes callers re-render on the shared clock; the real "now" is read here,
  // else a just-made change would read "in 10 sec".
  const at = Math.max(tick, Date.now())
  const seconds = Math.round((new Date(iso).getTime() - at) / 1000)
  const fmt = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' })
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'second') {
      if (unit === 'second' && seconds > -60) return justNow
      return fmt.format(Math.trunc(seconds / size), unit)
    }
  }
  return iso
}

/** Absolute time for hovers: ISO 8601 in the user's own timezone, with its offset. */
export function localIso(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const pad = (n: number) => String(Math.abs(n)).padStart(2, '0')
  const off = -d.getTimezoneOffset()
  const sign = off >= 0 ? '+' : '-'
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` +
    `${sign}${pad(Math.trunc(off / 60))}:${pad(off % 60)}`
  )
}

/** "YYYY-MM-DD HH:mm", the shape of the server's default webhook name. */
export function shortStamp(d: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}
