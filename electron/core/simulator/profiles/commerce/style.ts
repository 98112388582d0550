import { isoAt, vnTime } from '../../clock'
import type { Locale } from '../../model/people'

/**
 * Sapo's API mirrors Shopify's: the same objects, renamed. A style carries the differences so
 * one set of shapers serves both: Sapo says `created_on`/`modified_on`, amounts in whole VND as
 * numbers and Vietnam time; Shopify says `created_at`/`updated_at`, amounts as "12.50" strings
 * and the shop's own offset.
 */
export interface Style {
  locale: Locale
  created: 'created_on' | 'created_at'
  updated: 'modified_on' | 'updated_at'
  /** Suffix of other time fields: `cancelled_on` vs `cancelled_at`. */
  at: '_on' | '_at'
  money(minor: number): number | string
  time(ms: number): string
  shopify: boolean
}

export const SAPO_STYLE: Style = {
  locale: 'vi',
  created: 'created_on',
  updated: 'modified_on',
  at: '_on',
  money: (minor) => minor,
  time: vnTime,
  shopify: false,
}

export const SHOPIFY_STYLE: Style = {
  locale: 'en',
  created: 'created_at',
  updated: 'updated_at',
  at: '_at',
  money: (minor) => (minor / 100).toFixed(2),
  // The demo shop is in New York (Shopify writes the shop's offset, e.g. -05:00).
  time: (ms) => isoAt(ms, -5 * 60),
  shopify: true,
}

/** `gid://shopify/Order/123`: Shopify payloads name every object's GraphQL id too. */
export const gid = (type: string, id: number) => `gid://shopify/${type}/${id}`
