import { momentOf } from '../clock'
import { PHONE_PREFIXES } from '../data/vi-people'
import { PROVINCES, STREETS } from '../data/vi-places'
import { VI_SUPPLIERS } from '../data/vi-products'
import { streamFor } from '../rng'
import type { Style } from './commerce/style'

export const SUPPLIER_BASE = 3_000_000

/** A Sapo supplier (nhà cung cấp), suppliers/*: a wholesale company with a tax code. */
export function supplierJson(seed: number, s: Style, modifiedMs: number): Record<string, unknown> {
  const rng = streamFor(seed, 'supplier')
  const province = rng.pick(PROVINCES)
  const district = rng.pick(province.districts)
  const name = VI_SUPPLIERS[seed % VI_SUPPLIERS.length]
  return {
    id: SUPPLIER_BASE + seed,
    code: `NCC${String(seed % 100000).padStart(5, '0')}`,
    name,
    email: `lienhe${seed % 1000}@ncc-hooklab.vn`,
    phone: rng.pick(PHONE_PREFIXES) + String(rng.int(0, 9_999_999)).padStart(7, '0'),
    tax_number: String(rng.int(100_000_000, 999_999_999)) + '0',
    status: 'active',
    address: {
      address1: `${rng.int(1, 299)} ${rng.pick(STREETS)}`,
      ward: rng.pick(district.wards),
      district: district.name,
      city: province.name,
      country: 'Vietnam',
    },
    debt: 0,
    [s.created]: s.time(momentOf(seed)),
    [s.updated]: s.time(modifiedMs),
  }
}
