/**
 * A small seeded PRNG (mulberry32). Faker's own generator is far slower per draw, and a
 * burst needs ≥ 20,000 orders per second; this one is a few integer ops per number and its
 * sequence can never change under us with a dependency upgrade, so a seed keeps its bytes.
 */
export class Rng {
  private state: number

  constructor(seed: number) {
    this.state = seed >>> 0
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0)
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  /** `n` lowercase hex digits. */
  hex(n: number): string {
    let out = ''
    while (out.length < n) out += ((this.next() * 4294967296) >>> 0).toString(16).padStart(8, '0')
    return out.slice(0, n)
  }

  /** Characters from `alphabet` (Stripe-style ids, tokens). */
  chars(n: number, alphabet = ALNUM): string {
    let out = ''
    for (let i = 0; i < n; i++) out += alphabet[Math.floor(this.next() * alphabet.length)]
    return out
  }

  /** An RFC 4122 version-4-shaped UUID. */
  uuid(): string {
    const h = this.hex(32)
    const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`
  }
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** FNV-1a of a string: mixes a topic name into a seed so each topic draws its own stream. */
export function hashString(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** A stream for one purpose (`'order'`, `'orders/paid'`) of one seed: independent of the others. */
export function streamFor(seed: number, purpose: string): Rng {
  return new Rng((seed ^ hashString(purpose)) >>> 0)
}
