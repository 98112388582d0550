/**
 * HAR 1.2 as a JSON schema: the objects and required fields of the spec
 * (http://www.softwareishard.com/blog/har-12-spec/), which is what browsers' devtools read.
 * Custom fields must start with "_" (the spec's rule), so other extra keys are refused.
 */
const nameValue = {
  type: 'object',
  required: ['name', 'value'],
  properties: { name: { type: 'string' }, value: { type: 'string' }, comment: { type: 'string' } },
  additionalProperties: false,
}
const custom = { '^_': {} }
const iso8601 = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$' }
const timing = { type: 'number', minimum: -1 }

export const harSchema = {
  type: 'object',
  required: ['log'],
  additionalProperties: false,
  properties: {
    log: {
      type: 'object',
      required: ['version', 'creator', 'entries'],
      additionalProperties: false,
      patternProperties: custom,
      properties: {
        version: { const: '1.2' },
        creator: { type: 'object', required: ['name', 'version'], properties: { name: { type: 'string' }, version: { type: 'string' }, comment: { type: 'string' } }, additionalProperties: false },
        browser: { type: 'object' },
        pages: { type: 'array' },
        comment: { type: 'string' },
        entries: {
          type: 'array',
          items: {
            type: 'object',
            required: ['startedDateTime', 'time', 'request', 'response', 'cache', 'timings'],
            additionalProperties: false,
            patternProperties: custom,
            properties: {
              pageref: { type: 'string' },
              startedDateTime: iso8601,
              time: { type: 'number', minimum: 0 },
              request: {
                type: 'object',
                required: ['method', 'url', 'httpVersion', 'cookies', 'headers', 'queryString', 'headersSize', 'bodySize'],
                additionalProperties: false,
                patternProperties: custom,
                properties: {
                  method: { type: 'string' },
                  url: { type: 'string', format: 'uri' },
                  httpVersion: { type: 'string' },
                  cookies: { type: 'array' },
                  headers: { type: 'array', items: nameValue },
                  queryString: { type: 'array', items: nameValue },
                  postData: {
                    type: 'object',
                    required: ['mimeType'],
                    additionalProperties: false,
                    patternProperties: custom,
                    properties: { mimeType: { type: 'string' }, params: { type: 'array' }, text: { type: 'string' }, encoding: { type: 'string' }, comment: { type: 'string' } },
                  },
                  headersSize: { type: 'integer' },
                  bodySize: { type: 'integer' },
                  comment: { type: 'string' },
                },
              },
              response: {
                type: 'object',
                required: ['status', 'statusText', 'httpVersion', 'cookies', 'headers', 'content', 'redirectURL', 'headersSize', 'bodySize'],
                additionalProperties: false,
                patternProperties: custom,
                properties: {
                  status: { type: 'integer' },
                  statusText: { type: 'string' },
                  httpVersion: { type: 'string' },
                  cookies: { type: 'array' },
                  headers: { type: 'array', items: nameValue },
                  content: {
                    type: 'object',
                    required: ['size', 'mimeType'],
                    additionalProperties: false,
                    patternProperties: custom,
                    properties: {
                      size: { type: 'integer' },
                      compression: { type: 'integer' },
                      mimeType: { type: 'string' },
                      text: { type: 'string' },
                      encoding: { type: 'string' },
                      comment: { type: 'string' },
                    },
                  },
                  redirectURL: { type: 'string' },
                  headersSize: { type: 'integer' },
                  bodySize: { type: 'integer' },
                  comment: { type: 'string' },
                },
              },
              cache: { type: 'object' },
              timings: {
                type: 'object',
                required: ['send', 'wait', 'receive'],
                additionalProperties: false,
                patternProperties: custom,
                properties: { blocked: timing, dns: timing, connect: timing, send: { type: 'number', minimum: 0 }, wait: { type: 'number', minimum: 0 }, receive: { type: 'number', minimum: 0 }, ssl: timing, comment: { type: 'string' } },
              },
              serverIPAddress: { type: 'string' },
              connection: { type: 'string' },
              comment: { type: 'string' },
            },
          },
        },
      },
    },
  },
} as const
