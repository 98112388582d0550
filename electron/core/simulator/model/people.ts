import { enPools } from '../data/en-pools'
import { asciiFold, EMAIL_DOMAINS, FAMILY_NAMES, GIVEN_NAMES, MIDDLE_NAMES, PHONE_PREFIXES } from '../data/vi-people'
import { PROVINCES, STREETS } from '../data/vi-places'
import { momentOf } from '../clock'
import { streamFor } from '../rng'

/** Vietnamese data (Sapo) or English data (Shopify, WooCommerce, Stripe). */
export type Locale = 'vi' | 'en'

export interface Address {
  firstName: string
  lastName: string
  address1: string
  ward: string | null
  district: string | null
  districtCode: string | null
  city: string
  province: string
  provinceCode: string
  country: string
  countryCode: string
  zip: string | null
  phone: string
}

export interface Person {
  /** The seed this customer was made from: its id and creation time derive from it. */
  seed: number
  id: number
  firstName: string
  lastName: string
  email: string
  phone: string
  createdMs: number
  address: Address
}

export const CUSTOMER_BASE = 5_000_000

/**
 * The customer of seed `seed` in the seeded universe: every topic that names this customer
 * (customers/create, an order's customer) rebuilds the same person from the same seed.
 */
export function customerOf(seed: number, locale: Locale): Person {
  const rng = streamFor(seed, 'customer')
  let firstName: string
  let lastName: string
  let phone: string
  let address: Address
  if (locale === 'vi') {
    // Vietnamese order: family name first; Sapo stores the given name (with middle) as first_name.
    lastName = rng.pick(FAMILY_NAMES)
    firstName = `${rng.pick(MIDDLE_NAMES)} ${rng.pick(GIVEN_NAMES)}`
    phone = rng.pick(PHONE_PREFIXES) + String(rng.int(0, 9_999_999)).padStart(7, '0')
    const province = rng.pick(PROVINCES)
    const district = rng.pick(province.districts)
    address = {
      firstName, lastName, phone,
      address1: `${rng.int(1, 299)} ${rng.pick(STREETS)}`,
      ward: rng.pick(district.wards), district: district.name, districtCode: district.code,
      city: province.name, province: province.name, provinceCode: province.code,
      country: 'Vietnam', countryCode: 'VN', zip: null,
    }
  } else {
    const pools = enPools()
    firstName = rng.pick(pools.firstNames)
    lastName = rng.pick(pools.lastNames)
    phone = `+1${rng.int(201, 989)}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`
    const place = rng.pick(pools.cities)
    address = {
      firstName, lastName, phone,
      address1: rng.pick(pools.streets), ward: null, district: null, districtCode: null,
      city: place.city, province: place.province, provinceCode: place.provinceCode,
      country: 'United States', countryCode: 'US', zip: place.zip,
    }
  }
  const local = emailLocal(`${firstName}.${lastName}`)
  const email = `${local}${rng.int(1, 999)}@${locale === 'vi' ? rng.pick(EMAIL_DOMAINS) : 'example.com'}`
  return { seed, id: CUSTOMER_BASE + seed, firstName, lastName, email, phone, createdMs: momentOf(seed), address }
}

/** Names come from small tables, so their folded forms are cached (folding is slow). */
const LOCALS = new Map<string, string>()
function emailLocal(name: string): string {
  let local = LOCALS.get(name)
  if (local === undefined) {
    local = asciiFold(name).toLowerCase().replace(/[^a-z.]/g, '')
    if (LOCALS.size < 100_000) LOCALS.set(name, local)
  }
  return local
}

/**
 * An earlier seed: whatever an event refers to (its customer, its products) existed before
 * it. `salt` picks which one; the distance back is 1–4096 × (salt + 1) seeds, pseudo-random.
 */
export function earlierSeed(seed: number, salt: number): number {
  const mix = (Math.imul(seed, 0x9e3779b1) ^ Math.imul(salt + 1, 0x85ebca6b)) >>> 0
  const back = 4096 * salt + 1 + (mix % 4096)
  return seed >= back ? seed - back : mix % (seed + 1)
}

export const fullName = (p: { firstName: string; lastName: string }, locale: Locale): string =>
  locale === 'vi' ? `${p.lastName} ${p.firstName}` : `${p.firstName} ${p.lastName}`
