/**
 * Tests share one `hooklab serve` per worker, so each names its webhooks uniquely and looks
 * only at those (usually by searching for the name). Letters only: a digit could also match
 * an id or a port in a search.
 */
export function unique(label: string): string {
  const letters = Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')
  return `${label} ${letters}`
}
