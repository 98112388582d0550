import type { Product } from '../../model/catalog'
import type { Order, OrderLine } from '../../model/order'
import { fullName, type Address, type Person } from '../../model/people'
import { gid, type Style } from './style'

type Json = Record<string, unknown>

export function addressJson(a: Address, s: Style): Json {
  const out: Json = {
    first_name: a.firstName,
    last_name: a.lastName,
    name: fullName(a, s.locale),
    phone: a.phone,
    company: null,
    address1: a.address1,
    address2: null,
    city: a.city,
    province: a.province,
    province_code: a.provinceCode,
    country: a.country,
    country_code: a.countryCode,
    zip: a.zip,
  }
  // Sapo addresses carry Vietnam's district and ward (quận/huyện, phường/xã).
  if (!s.shopify) {
    out.district = a.district
    out.district_code = a.districtCode
    out.ward = a.ward
  }
  return out
}

export function customerJson(p: Person, s: Style, extra: { ordersCount?: number; totalSpent?: number; modifiedMs?: number; state?: string } = {}): Json {
  const out: Json = {
    id: p.id,
    email: p.email,
    first_name: p.firstName,
    last_name: p.lastName,
    phone: p.phone,
    [s.created]: s.time(p.createdMs),
    [s.updated]: s.time(extra.modifiedMs ?? p.createdMs),
    orders_count: extra.ordersCount ?? 0,
    state: extra.state ?? 'enabled',
    total_spent: s.money(extra.totalSpent ?? 0),
    verified_email: true,
    accepts_marketing: (p.seed & 1) === 1,
    tax_exempt: false,
    note: null,
    tags: '',
    currency: s.locale === 'vi' ? 'VND' : 'USD',
    default_address: { id: p.id * 4, customer_id: p.id, ...addressJson(p.address, s), default: true },
  }
  if (s.shopify) out.admin_graphql_api_id = gid('Customer', p.id)
  return out
}

export function lineJson(line: OrderLine, s: Style, fulfillment: string | null = null): Json {
  const out: Json = {
    id: line.id,
    product_id: line.product.id,
    variant_id: line.variant.id,
    title: line.product.title,
    variant_title: line.variant.title,
    name: `${line.product.title} - ${line.variant.title}`,
    sku: line.variant.sku,
    vendor: line.product.vendor,
    quantity: line.quantity,
    price: s.money(line.price),
    total_discount: s.money(line.discount),
    grams: line.variant.grams,
    requires_shipping: true,
    taxable: true,
    fulfillment_status: fulfillment,
    fulfillable_quantity: fulfillment === 'fulfilled' ? 0 : line.quantity,
    product_exists: true,
  }
  if (s.shopify) out.admin_graphql_api_id = gid('LineItem', line.id)
  return out
}

export interface OrderState {
  atMs: number
  status?: 'open' | 'closed' | 'cancelled'
  financial?: string
  fulfillment?: string | null
  /** How many lines (from the first) are fulfilled. */
  fulfilledLines?: number
  extra?: Json
}

export function orderJson(o: Order, s: Style, state: OrderState): Json {
  const fulfilled = state.fulfilledLines ?? 0
  const weight = o.lines.reduce((sum, l) => sum + l.variant.grams * l.quantity, 0)
  const out: Json = {
    id: o.id,
    name: `#${o.number}`,
    order_number: o.number,
    number: o.number - 1000,
    token: o.token,
    email: o.customer.email,
    phone: o.customer.phone,
    [s.created]: s.time(o.createdMs),
    [s.updated]: s.time(state.atMs),
    [`processed${s.at}`]: s.time(o.createdMs),
    [`closed${s.at}`]: state.status === 'closed' ? s.time(state.atMs) : null,
    [`cancelled${s.at}`]: state.status === 'cancelled' ? s.time(state.atMs) : null,
    cancel_reason: state.status === 'cancelled' ? 'customer' : null,
    status: state.status ?? 'open',
    financial_status: state.financial ?? 'pending',
    fulfillment_status: state.fulfillment ?? null,
    currency: o.currency,
    gateway: o.gateway,
    source_name: 'web',
    total_line_items_price: s.money(o.lineItemsTotal),
    total_discounts: s.money(o.discountTotal),
    subtotal_price: s.money(o.subtotal),
    total_tax: s.money(o.tax),
    total_price: s.money(o.total),
    total_weight: weight,
    taxes_included: false,
    buyer_accepts_marketing: o.customer.seed % 2 === 1,
    note: o.note,
    tags: '',
    discount_codes: o.discountCode ? [{ code: o.discountCode, amount: s.money(o.discountTotal), type: 'percentage' }] : [],
    tax_lines: [{ title: s.locale === 'vi' ? 'VAT' : 'State tax', rate: o.taxRate, price: s.money(o.tax) }],
    shipping_lines: [{ code: o.shippingTitle, title: o.shippingTitle, price: s.money(o.shippingFee), source: s.shopify ? 'shopify' : 'sapo' }],
    line_items: o.lines.map((l, i) => lineJson(l, s, i < fulfilled ? 'fulfilled' : null)),
    billing_address: addressJson(o.billing, s),
    shipping_address: addressJson(o.shipping, s),
    customer: customerJson(o.customer, s, { ordersCount: 1, totalSpent: o.total, modifiedMs: o.createdMs }),
    ...state.extra,
  }
  if (s.shopify) {
    out.admin_graphql_api_id = gid('Order', o.id)
    out.presentment_currency = o.currency
    out.test = false
  }
  return out
}

export function productJson(p: Product, s: Style, modifiedMs: number): Json {
  const out: Json = {
    id: p.id,
    title: p.title,
    body_html: `<p>${p.title}</p>`,
    vendor: p.vendor,
    product_type: p.type,
    handle: p.handle,
    [s.created]: s.time(p.createdMs),
    [s.updated]: s.time(modifiedMs),
    [`published${s.at}`]: s.time(p.createdMs),
    tags: p.type,
    variants: p.variants.map((v, i) => ({
      id: v.id,
      product_id: p.id,
      title: v.title,
      sku: v.sku,
      barcode: null,
      price: s.money(v.price),
      compare_at_price: null,
      position: i + 1,
      option1: v.title,
      option2: null,
      option3: null,
      grams: v.grams,
      weight: v.grams,
      weight_unit: 'g',
      inventory_item_id: v.inventoryItemId,
      inventory_quantity: v.inventoryQuantity,
      inventory_management: s.shopify ? 'shopify' : 'sapo',
      requires_shipping: true,
      taxable: true,
      [s.created]: s.time(p.createdMs),
      [s.updated]: s.time(modifiedMs),
    })),
    options: [{ id: p.id * 8 + 7, product_id: p.id, name: p.optionName, position: 1, values: p.variants.map((v) => v.title) }],
    images: [],
    image: null,
  }
  if (s.shopify) {
    out.status = 'active'
    out.published_scope = 'web'
    out.admin_graphql_api_id = gid('Product', p.id)
  }
  return out
}
