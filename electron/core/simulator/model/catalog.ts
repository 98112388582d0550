import { enPools } from '../data/en-pools'
import { VI_PRODUCTS } from '../data/vi-products'
import { momentOf } from '../clock'
import type { Locale } from './people'

export interface Variant {
  id: number
  title: string
  sku: string
  /** Minor units (đồng for VND, cents for USD). */
  price: number
  grams: number
  inventoryItemId: number
  inventoryQuantity: number
}

export interface Product {
  seed: number
  id: number
  title: string
  handle: string
  vendor: string
  type: string
  optionName: string
  variants: Variant[]
  createdMs: number
}

export const PRODUCT_BASE = 1_000_000
const EN_OPTIONS = ['Small', 'Medium', 'Large']

/** The product of seed `seed`: its id, variants and creation time derive from the seed alone. */
export function productOf(seed: number, locale: Locale): Product {
  const id = PRODUCT_BASE + seed
  let title: string, vendor: string, type: string, grams: number, base: number
  let options: readonly string[], optionName: string
  if (locale === 'vi') {
    const p = VI_PRODUCTS[seed % VI_PRODUCTS.length]
    ;({ vendor, type, grams, options, optionName } = p)
    title = p.name
    base = p.price
  } else {
    const pools = enPools()
    const p = pools.products[seed % pools.products.length]
    ;({ vendor, type, grams } = p)
    title = p.name
    base = Math.round(p.price * 100)
    options = EN_OPTIONS
    optionName = 'Size'
  }
  const { handle, skuStem } = namesOf(title)
  const variants = options.map((title, i) => ({
    // Variant and inventory item ids are blocks of 8 under the product: they increase with it.
    id: id * 8 + i,
    title,
    sku: `${skuStem}-${seed % 10000}-${i + 1}`,
    price: base,
    grams,
    inventoryItemId: id * 8 + 4 + (i % 4),
    inventoryQuantity: ((seed >>> 3) + i * 7) % 120,
  }))
  return { seed, id, title, handle, vendor, type, optionName, variants, createdMs: momentOf(seed) }
}

/** Handle and SKU stem per title, computed once: Unicode folding is the slowest step of an order. */
const NAMES = new Map<string, { handle: string; skuStem: string }>()
function namesOf(title: string): { handle: string; skuStem: string } {
  let names = NAMES.get(title)
  if (!names) {
    const handle = slug(title)
    names = { handle, skuStem: (handle.split('-').map((w) => w[0] ?? '').join('').toUpperCase() || 'SP').slice(0, 6) }
    NAMES.set(title, names)
  }
  return names
}

/** URL handle of a title: Vietnamese diacritics folded (`ao-thun-cotton-nam`). */
export function slug(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
}
