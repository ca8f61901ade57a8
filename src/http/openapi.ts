import { z } from 'zod'

import type { AuthKind } from '../auth/auth.ts'
import type { AnyRoute } from './route.ts'

const toSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as Record<string, unknown>

const errorSchema = {
  type: 'object',
  required: ['error', 'ok'],
  properties: {
    ok: { type: 'boolean', enum: [false] },
    error: {
      type: 'object',
      required: ['type', 'message', 'request_id'],
      properties: {
        type: { type: 'string' },
        message: { type: 'string' },
        request_id: { type: 'string' },
        validation_errors: { type: 'object' },
      },
    },
  },
}

const operation = (route: AnyRoute, method: string) => {
  const params = toSchema(route.params, 'input')
  const properties = (params.properties ?? {}) as Record<string, unknown>
  const required = new Set((params.required ?? []) as string[])
  const input =
    method === 'get' || method === 'delete'
      ? {
          parameters: Object.entries(properties).map(([name, schema]) => ({ name, in: 'query', required: required.has(name), schema })),
        }
      : { requestBody: { required: false, content: { 'application/json': { schema: params } } } }
  const response = toSchema(route.response, 'output')
  return {
    operationId: `${route.path.slice(1).replaceAll('/', '_')}_${method}`,
    summary: route.description,
    // Security scheme names are the credential kinds themselves (see components below).
    security: route.auth.map((kind: AuthKind) => ({ [kind]: [] })),
    ...input,
    responses: {
      200: {
        description: 'OK',
        content: {
          'application/json': {
            schema: {
              ...response,
              properties: { ...(response.properties as object), ok: { type: 'boolean', enum: [true] } },
              required: [...((response.required as string[] | undefined) ?? []), 'ok'],
            },
          },
        },
      },
      default: { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/error' } } } },
    },
  }
}

/** The OpenAPI document, generated from the same zod schemas that validate requests. */
export const buildOpenApi = (routes: AnyRoute[]) => ({
  openapi: '3.0.3',
  info: { title: 'Latchkey', version: '0.1.0', description: 'Seam-compatible client session server.' },
  components: {
    schemas: { error: errorSchema },
    securitySchemes: {
      api_key: { type: 'http', scheme: 'bearer', description: 'seam_… API key' },
      personal_access_token: { type: 'http', scheme: 'bearer', description: 'seam_at1… token plus a seam-workspace header' },
      client_session_token: { type: 'apiKey', in: 'header', name: 'client-session-token' },
      publishable_key: { type: 'apiKey', in: 'header', name: 'seam-publishable-key' },
    },
  },
  paths: Object.fromEntries(
    routes.map((route) => [route.path, Object.fromEntries(route.methods.map((m) => [m.toLowerCase(), operation(route, m.toLowerCase())]))]),
  ),
})
