/** ISO 8601 in UTC to the second, as Sapo's API writes times ("2018-04-04T04:20:50Z"). */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z')
}

const pad = (n: number) => String(n).padStart(2, '0')

/** "YYYY-MM-DD HH:mm" in the machine's time zone, for names people read. */
export function localMinutes(ms: number): string {
  const d = new Date(ms)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}
