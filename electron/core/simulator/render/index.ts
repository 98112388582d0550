import { toRailsXml } from './xml'

export type Format = 'json' | 'xml' | 'form'

export interface RenderInput {
  data: Record<string, unknown>
  root: string
  /** Set by a payload the provider always sends as plain form fields (WooCommerce's ping). */
  encoding?: 'form-fields'
}

/**
 * The body and Content-Type of a generated payload in a webhook's format (SPEC §8 Formats).
 * `form` is `payload=<url-encoded JSON>`, as GitHub sends it. A payload marked
 * `encoding: 'form-fields'` ignores the format: WooCommerce's ping is always
 * `webhook_id=<id>`, form-encoded, whatever the webhook's format.
 */
export function renderBody(generated: RenderInput, format: Format): { body: string; contentType: string } {
  if (generated.encoding === 'form-fields') {
    const params = new URLSearchParams()
    for (const [key, value] of Object.entries(generated.data)) params.append(key, value === null || value === undefined ? '' : String(value))
    return { body: params.toString(), contentType: 'application/x-www-form-urlencoded' }
  }
  switch (format) {
    case 'json':
      return { body: JSON.stringify(generated.data), contentType: 'application/json' }
    case 'xml':
      return { body: toRailsXml(generated.root, generated.data), contentType: 'application/xml; charset=utf-8' }
    case 'form':
      return { body: `payload=${encodeURIComponent(JSON.stringify(generated.data))}`, contentType: 'application/x-www-form-urlencoded' }
  }
}
