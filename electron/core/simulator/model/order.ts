import { momentOf } from '../clock'
import { streamFor } from '../rng'
import { productOf, type Product, type Variant } from './catalog'
import { customerOf, earlierSeed, type Address, type Locale, type Person } from './people'

export interface OrderLine {
  id: number
  product: Product
  variant: Variant
  quantity: number
  /** Minor units, per unit. */
  price: number
  /** Minor units, for the whole line. */
  discount: number
}

/**
 * The provider-neutral order of one seed. Every amount is an integer in minor units so the
 * totals add up exactly (no float drift): subtotal = Σ price × quantity − discounts,
 * total = subtotal + tax + shipping. Providers only rename and format these.
 */
export interface Order {
  seed: number
  id: number
  number: number
  token: string
  createdMs: number
  locale: Locale
  currency: string
  customer: Person
  billing: Address
  shipping: Address
  lines: OrderLine[]
  lineItemsTotal: number
  discountTotal: number
  discountCode: string | null
  subtotal: number
  taxRate: number
  tax: number
  shippingFee: number
  shippingTitle: string
  total: number
  gateway: string
  note: string | null
}

export const ORDER_BASE = 10_000_000

const VI_GATEWAYS = ['Thanh toán khi giao hàng (COD)', 'Chuyển khoản ngân hàng', 'Ví MoMo', 'VNPay']
const EN_GATEWAYS = ['shopify_payments', 'manual', 'paypal']
const VI_SHIPPING: ReadonlyArray<readonly [string, number]> = [['Giao hàng tiết kiệm', 22000], ['Giao hàng nhanh', 30000], ['Viettel Post', 25000]]
const EN_SHIPPING: ReadonlyArray<readonly [string, number]> = [['Standard', 599], ['Express', 1499], ['Free shipping', 0]]
const VI_NOTES = ['Giao giờ hành chính', 'Gọi trước khi giao', 'Để hàng ở bảo vệ', null, null, null]
const EN_NOTES = ['Leave at the front door', 'Gift wrap, please', null, null, null]

/** The order of seed `seed`: orders/create, orders/paid, a return of it … all rebuild this. */
export function orderOf(seed: number, locale: Locale): Order {
  const rng = streamFor(seed, 'order')
  const vi = locale === 'vi'
  const customer = customerOf(earlierSeed(seed, 0), locale)
  const count = rng.int(1, 4)
  const lines: OrderLine[] = []
  let lineItemsTotal = 0
  let discountTotal = 0
  for (let i = 0; i < count; i++) {
    const product = productOf(earlierSeed(seed, i + 1), locale)
    const variant = rng.pick(product.variants)
    const quantity = rng.int(1, 3)
    lineItemsTotal += variant.price * quantity
    lines.push({ id: seed * 8 + i + 1, product, variant, quantity, price: variant.price, discount: 0 })
  }
  // One order in four uses a discount code: 10 % off the first line, in whole units.
  let discountCode: string | null = null
  if (rng.chance(0.25)) {
    discountCode = vi ? 'GIAM10' : 'SAVE10'
    const first = lines[0]
    const unit = vi ? 1000 : 1
    first.discount = Math.floor((first.price * first.quantity) / 10 / unit) * unit
    discountTotal = first.discount
  }
  const subtotal = lineItemsTotal - discountTotal
  const taxRate = vi ? 0.08 : 0.1
  const tax = vi ? Math.round((subtotal * taxRate) / 1000) * 1000 : Math.round(subtotal * taxRate)
  const [shippingTitle, shippingFee] = rng.pick(vi ? VI_SHIPPING : EN_SHIPPING)
  const shipToOther = rng.chance(0.2)
  const other = shipToOther ? customerOf(earlierSeed(seed, 7), locale).address : customer.address
  return {
    seed,
    id: ORDER_BASE + seed,
    number: 1001 + (seed >>> 10),
    token: rng.hex(32),
    createdMs: momentOf(seed),
    locale,
    currency: vi ? 'VND' : 'USD',
    customer,
    billing: customer.address,
    shipping: { ...other, firstName: other.firstName, lastName: other.lastName },
    lines,
    lineItemsTotal,
    discountTotal,
    discountCode,
    subtotal,
    taxRate,
    tax,
    shippingFee,
    shippingTitle,
    total: subtotal + tax + shippingFee,
    gateway: rng.pick(vi ? VI_GATEWAYS : EN_GATEWAYS),
    note: rng.pick(vi ? VI_NOTES : EN_NOTES),
  }
}

/** When a later event about this seed's objects happens: minutes to days after creation. */
export function laterMs(seed: number, topic: string, createdMs: number): number {
  return createdMs + streamFor(seed, `later:${topic}`).int(5 * 60, 3 * 86400) * 1000
}
