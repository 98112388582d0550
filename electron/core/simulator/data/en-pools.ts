import { fakerEN } from '@faker-js/faker'

/**
 * Pools of English fake data for the Shopify, WooCommerce, Stripe and GitHub profiles,
 * drawn from faker once with a fixed seed and then picked from with our own PRNG: faker is
 * the source of realistic values, the pools keep per-payload cost to a few array reads.
 * `@faker-js/faker` is pinned exactly in package.json, so the pools (and every seed's
 * bytes) are the same on every install.
 */
export interface EnPools {
  firstNames: string[]
  lastNames: string[]
  streets: string[]
  cities: Array<{ city: string; province: string; provinceCode: string; zip: string }>
  products: Array<{ name: string; price: number; vendor: string; type: string; grams: number }>
  companies: string[]
  words: string[]
  sentences: string[]
  logins: string[]
}

const POOL_SEED = 20240101
const POOL = 64
let pools: EnPools | undefined

export function enPools(): EnPools {
  if (pools) return pools
  fakerEN.seed(POOL_SEED)
  const times = <T>(n: number, make: () => T): T[] => Array.from({ length: n }, make)
  pools = {
    firstNames: times(POOL, () => fakerEN.person.firstName()),
    lastNames: times(POOL, () => fakerEN.person.lastName()),
    streets: times(POOL, () => fakerEN.location.streetAddress()),
    cities: times(32, () => {
      const state = fakerEN.location.state({ abbreviated: false })
      return { city: fakerEN.location.city(), province: state, provinceCode: fakerEN.location.state({ abbreviated: true }), zip: fakerEN.location.zipCode('#####') }
    }),
    products: times(POOL, () => ({
      name: fakerEN.commerce.productName(),
      // Whole cents: prices are rendered as "12.50" strings by Shopify and WooCommerce.
      price: Math.round(fakerEN.number.float({ min: 5, max: 250 }) * 100) / 100,
      vendor: fakerEN.company.name(),
      type: fakerEN.commerce.department(),
      grams: fakerEN.number.int({ min: 50, max: 3000 }),
    })),
    companies: times(32, () => fakerEN.company.name()),
    words: times(POOL, () => fakerEN.word.noun()),
    sentences: times(POOL, () => fakerEN.hacker.phrase()),
    logins: times(POOL, () => fakerEN.internet.username().replace(/[^A-Za-z0-9-]/g, '').replace(/^-+|-+$/g, '') || 'octocat'),
  }
  return pools
}
