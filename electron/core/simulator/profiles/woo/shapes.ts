import { isoUtc } from '../../clock'
import { productOf, type Product } from '../../model/catalog'
import type { Order } from '../../model/order'
import type { Address, Person } from '../../model/people'
import { streamFor } from '../../rng'

/**
 * WooCommerce REST API v3 objects, which is what its webhooks send: amounts as "12.50"
 * strings, `date_created` in the store's local time without an offset beside `_gmt`
 * twins, `meta_data` and `_links` on every object.
 */
type Json = Record<string, unknown>

export const STORE = 'https://hooklab-demo.local'
const money = (minor: number) => (minor / 100).toFixed(2)
/** The store runs at UTC-5; WooCommerce writes local time with no offset. */
const local = (ms: number) => isoUtc(ms - 5 * 3600_000).slice(0, 19)
const gmt = (ms: number) => isoUtc(ms).slice(0, 19)
export const dates = (name: string, ms: number | null): Json => ({ [`date_${name}`]: ms === null ? null : local(ms), [`date_${name}_gmt`]: ms === null ? null : gmt(ms) })
const links = (resource: string, id: number): Json => ({
  self: [{ href: `${STORE}/wp-json/wc/v3/${resource}/${id}` }],
  collection: [{ href: `${STORE}/wp-json/wc/v3/${resource}` }],
})

function billing(a: Address, email?: string): Json {
  const out: Json = {
    first_name: a.firstName, last_name: a.lastName, company: '', address_1: a.address1, address_2: '',
    city: a.city, state: a.provinceCode, postcode: a.zip ?? '', country: a.countryCode,
  }
  if (email !== undefined) out.email = email
  out.phone = a.phone
  return out
}

export function wooOrder(o: Order, status: string, modifiedMs: number): Json {
  const paid = status === 'processing' || status === 'completed'
  return {
    id: o.id,
    parent_id: 0,
    status,
    currency: o.currency,
    version: WOO_VERSION,
    prices_include_tax: false,
    ...dates('created', o.createdMs),
    ...dates('modified', modifiedMs),
    discount_total: money(o.discountTotal),
    discount_tax: '0.00',
    shipping_total: money(o.shippingFee),
    shipping_tax: '0.00',
    cart_tax: money(o.tax),
    total: money(o.total),
    total_tax: money(o.tax),
    customer_id: o.customer.id,
    order_key: `wc_order_${o.token.slice(0, 13)}`,
    billing: billing(o.billing, o.customer.email),
    shipping: billing(o.shipping),
    payment_method: 'bacs',
    payment_method_title: 'Direct bank transfer',
    transaction_id: '',
    customer_ip_address: `203.0.113.${o.seed % 250}`,
    customer_user_agent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36',
    created_via: 'checkout',
    customer_note: o.note ?? '',
    ...dates('completed', status === 'completed' ? modifiedMs : null),
    ...dates('paid', paid ? modifiedMs : null),
    cart_hash: o.token,
    number: String(o.id),
    meta_data: [],
    line_items: o.lines.map((l) => ({
      id: l.id,
      name: `${l.product.title} - ${l.variant.title}`,
      product_id: l.product.id,
      variation_id: l.variant.id,
      quantity: l.quantity,
      tax_class: '',
      subtotal: money(l.price * l.quantity),
      subtotal_tax: '0.00',
      total: money(l.price * l.quantity - l.discount),
      total_tax: '0.00',
      taxes: [],
      meta_data: [],
      sku: l.variant.sku,
      price: l.price / 100,
      image: { id: '', src: '' },
      parent_name: l.product.title,
    })),
    tax_lines: [{ id: o.id * 4 + 1, rate_code: 'US-TAX-1', rate_id: 1, label: 'Tax', compound: false, tax_total: money(o.tax), shipping_tax_total: '0.00', rate_percent: o.taxRate * 100, meta_data: [] }],
    shipping_lines: [{ id: o.id * 4 + 2, method_title: o.shippingTitle, method_id: 'flat_rate', instance_id: '1', total: money(o.shippingFee), total_tax: '0.00', taxes: [], meta_data: [] }],
    fee_lines: [],
    coupon_lines: o.discountCode ? [{ id: o.id * 4 + 3, code: o.discountCode.toLowerCase(), discount: money(o.discountTotal), discount_tax: '0.00', meta_data: [] }] : [],
    refunds: [],
    payment_url: `${STORE}/checkout/order-pay/${o.id}/?pay_for_order=true&key=wc_order_${o.token.slice(0, 13)}`,
    is_editable: status === 'pending' || status === 'on-hold',
    needs_payment: !paid,
    needs_processing: true,
    currency_symbol: '$',
    _links: links('orders', o.id),
  }
}

export function wooProduct(p: Product, status: string, modifiedMs: number): Json {
  const v = p.variants[0]
  return {
    id: p.id,
    name: p.title,
    slug: p.handle,
    permalink: `${STORE}/product/${p.handle}/`,
    ...dates('created', p.createdMs),
    ...dates('modified', modifiedMs),
    type: 'variable',
    status,
    featured: false,
    catalog_visibility: 'visible',
    description: `<p>${p.title}</p>`,
    short_description: '',
    sku: v.sku.replace(/-\d+$/, ''),
    price: money(v.price),
    regular_price: money(v.price),
    sale_price: '',
    on_sale: false,
    purchasable: true,
    total_sales: p.seed % 50,
    virtual: false,
    downloadable: false,
    tax_status: 'taxable',
    tax_class: '',
    manage_stock: false,
    stock_quantity: null,
    stock_status: 'instock',
    weight: String(v.grams / 1000),
    dimensions: { length: '', width: '', height: '' },
    categories: [{ id: 15 + (p.seed % 7), name: p.type, slug: p.type.toLowerCase().replace(/[^a-z0-9]+/g, '-') }],
    tags: [],
    images: [],
    attributes: [{ id: 1, name: p.optionName, position: 0, visible: true, variation: true, options: p.variants.map((x) => x.title) }],
    variations: p.variants.map((x) => x.id),
    meta_data: [],
    _links: links('products', p.id),
  }
}

export function wooCustomer(c: Person, modifiedMs: number): Json {
  return {
    id: c.id,
    ...dates('created', c.createdMs),
    ...dates('modified', modifiedMs),
    email: c.email,
    first_name: c.firstName,
    last_name: c.lastName,
    role: 'customer',
    username: c.email.split('@')[0],
    billing: billing(c.address, c.email),
    shipping: billing(c.address),
    is_paying_customer: (c.seed & 1) === 1,
    avatar_url: `https://secure.gravatar.com/avatar/${streamFor(c.seed, 'avatar').hex(32)}?s=96&d=mm&r=g`,
    meta_data: [],
    _links: links('customers', c.id),
  }
}

export const COUPON_BASE = 7_000_000

export function wooCoupon(seed: number, modifiedMs: number): Json {
  const rng = streamFor(seed, 'coupon')
  const percent = rng.pick([5, 10, 15, 20, 25])
  const id = COUPON_BASE + seed
  return {
    id,
    code: `save${percent}-${rng.chars(4, 'abcdefghjkmnpqrstuvwxyz23456789')}`,
    amount: money(percent * 100),
    status: 'publish',
    ...dates('created', (productOf(seed, 'en').createdMs)),
    ...dates('modified', modifiedMs),
    discount_type: 'percent',
    description: `${percent}% off`,
    date_expires: null,
    date_expires_gmt: null,
    usage_count: seed % 20,
    individual_use: true,
    product_ids: [],
    excluded_product_ids: [],
    usage_limit: null,
    usage_limit_per_user: 1,
    limit_usage_to_x_items: null,
    free_shipping: false,
    product_categories: [],
    excluded_product_categories: [],
    exclude_sale_items: false,
    minimum_amount: '0.00',
    maximum_amount: '0.00',
    email_restrictions: [],
    used_by: [],
    meta_data: [],
    _links: links('coupons', id),
  }
}

export const WOO_VERSION = '9.9.5'
export const WP_VERSION = '6.8.2'
