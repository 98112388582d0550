import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import '@shopify/shopify-api/adapters/node'
import { ApiVersion, LogSeverity, shopifyApi } from '@shopify/shopify-api'

/**
 * A receiver on 127.0.0.1 that runs Shopify's own `webhooks.validate` (node adapter) on every
 * request — it reads headers from a real IncomingMessage, hence a real server — records the
 * result and answers 200 with it as JSON.
 */
export async function startShopifyVerifier(secret: string) {
  const shopify = shopifyApi({
    apiKey: 'hooklab-test-key',
    apiSecretKey: secret,
    hostName: '127.0.0.1',
    apiVersion: ApiVersion.October25,
    isEmbeddedApp: false,
    logger: { level: LogSeverity.Error, log: async () => {} },
  })
  const results: Array<Record<string, unknown>> = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      void shopify.webhooks.validate({ rawBody: Buffer.concat(chunks).toString('utf8'), rawRequest: req, rawResponse: res }).then((result) => {
        results.push(result as unknown as Record<string, unknown>)
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result))
      })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`,
    results,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
