import { z } from 'zod'

import type { AuthKind } from '../auth/auth.ts'
import { accessCodeSchema } from '../contract/access-code.ts'
import { actionAttemptSchema } from '../contract/action-attempt.ts'
import { clientSessionSchema, paginationSchema } from '../contract/client-session.ts'
import { connectWebviewSchema } from '../contract/connect-webview.ts'
import { connectedAccountSchema } from '../contract/connected-account.ts'
import { deviceProviderSchema, deviceSchema } from '../contract/device.ts'
import { eventSchema } from '../contract/event.ts'
import { noiseThresholdSchema } from '../contract/noise-threshold.ts'
import { thermostatDailyProgramSchema } from '../contract/thermostat-daily-program.ts'
import { thermostatScheduleSchema } from '../contract/thermostat-schedule.ts'
import { unmanagedDeviceSchema } from '../contract/unmanaged-device.ts'
import { unmanagedAccessCodeSchema } from '../contract/unmanaged-access-code.ts'
import { unmanagedUserIdentitySchema, userIdentitySchema } from '../contract/user-identity.ts'
import { webhookSchema } from '../contract/webhook.ts'
import { workspaceSchema } from '../contract/workspace.ts'
// Access control (acs/*, phones, instant keys).
import { acsAccessGroupSchema } from '../contract/acs-access-group.ts'
import { acsCredentialSchema } from '../contract/acs-credential.ts'
import { acsEncoderSchema } from '../contract/acs-encoder.ts'
import { acsEntranceSchema } from '../contract/acs-entrance.ts'
import { acsSystemSchema } from '../contract/acs-system.ts'
import { acsUserSchema } from '../contract/acs-user.ts'
import { instantKeySchema } from '../contract/instant-key.ts'
import { phoneSchema } from '../contract/phone.ts'
import type { AnyRoute } from './route.ts'
import { optional } from '../store/optional.ts'

/**
 * The resources, as Seam's document names them under `components/schemas`: an answer refers to
 * them with `$ref` instead of repeating them inline, which is what Seam's CLI reads.
 */
const RESOURCES: [z.ZodType, string, string | null][] = [
  // Schema, its name, and the routes it belongs to (Seam's `x-route-path`; pagination has none).
  [clientSessionSchema, 'client_session', '/client_sessions'],
  [workspaceSchema, 'workspace', '/workspaces'],
  [connectWebviewSchema, 'connect_webview', '/connect_webviews'],
  [connectedAccountSchema, 'connected_account', '/connected_accounts'],
  [deviceSchema, 'device', '/devices'],
  [deviceProviderSchema, 'device_provider', '/devices'],
  [unmanagedDeviceSchema, 'unmanaged_device', '/devices/unmanaged'],
  [actionAttemptSchema, 'action_attempt', '/action_attempts'],
  [accessCodeSchema, 'access_code', '/access_codes'],
  [userIdentitySchema, 'user_identity', '/user_identities'],
  [eventSchema, 'event', '/events'],
  [webhookSchema, 'webhook', '/webhooks'],
  [unmanagedAccessCodeSchema, 'unmanaged_access_code', '/access_codes/unmanaged'],
  [noiseThresholdSchema, 'noise_threshold', '/noise_sensors/noise_thresholds'],
  [thermostatScheduleSchema, 'thermostat_schedule', '/thermostats/schedules'],
  [thermostatDailyProgramSchema, 'thermostat_daily_program', '/thermostats/daily_programs'],
  [paginationSchema, 'pagination', null],
  // Access control.
  [acsSystemSchema, 'acs_system', '/acs/systems'],
  [acsUserSchema, 'acs_user', '/acs/users'],
  [acsAccessGroupSchema, 'acs_access_group', '/acs/access_groups'],
  [acsEntranceSchema, 'acs_entrance', '/acs/entrances'],
  [acsCredentialSchema, 'acs_credential', '/acs/credentials'],
  [acsEncoderSchema, 'acs_encoder', '/acs/encoders'],
  [phoneSchema, 'phone', '/phones'],
  [instantKeySchema, 'instant_key', '/instant_keys'],
  // User identities' unmanaged ones.
  [unmanagedUserIdentitySchema, 'unmanaged_user_identity', '/user_identities/unmanaged'],
]
const ROUTE_PATHS = new Map(RESOURCES.map(([, id, routePath]) => [id, routePath]))

/** Each credential kind as the security scheme Seam's document names for it. */
export const SECURITY_SCHEMES: Record<AuthKind, string> = {
  api_key: 'api_key',
  personal_access_token: 'pat_with_workspace',
  personal_access_token_without_workspace: 'pat_without_workspace',
  client_session_token: 'client_session',
  publishable_key: 'publishable_key',
}

type Json = Record<string, unknown>

/** Rewrites zod's local `#/definitions/<id>` references to the document's components. */
const toComponentRefs = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(toComponentRefs)
  if (node === null || typeof node !== 'object') return node
  return Object.fromEntries(
    Object.entries(node as Json).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' ? value.replace('#/definitions/', '#/components/schemas/') : toComponentRefs(value),
    ]),
  )
}

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

/**
 * The key of an answer's main resource (Seam's `x-response-key`): the route's own `responseKey`
 * when it names one (or null), else the answer's only field besides `pagination`, else null.
 */
const responseKeyOf = (route: AnyRoute): string | null => {
  if (route.responseKey !== undefined) return route.responseKey
  const keys = Object.keys(route.response.shape).filter((key) => key !== 'pagination')
  return keys.length === 1 ? (keys[0] as string) : null
}

/** Builds the document; one registry per build, so nothing is shared between apps. */
export const buildOpenApi = (routes: AnyRoute[]) => {
  const registry = z.registry<{ id: string }>()
  for (const [schema, id] of RESOURCES) registry.add(schema, { id })
  const components: Json = {}
  const toSchema = (schema: z.ZodType, io: 'input' | 'output'): Json => {
    const { definitions, ...converted } = z.toJSONSchema(schema, {
      target: 'openapi-3.0',
      io,
      unrepresentable: 'any',
      metadata: registry,
    }) as Json & {
      definitions?: Json
    }
    for (const [id, definition] of Object.entries(definitions ?? {})) {
      const routePath = ROUTE_PATHS.get(id) ?? null
      components[id] = { ...(toComponentRefs(definition) as Json), ...(routePath === null ? {} : { 'x-route-path': routePath }) }
    }
    return toComponentRefs(converted) as Json
  }

  const operation = (route: AnyRoute, method: string) => {
    const params = toSchema(route.params, 'input')
    const properties = (params.properties ?? {}) as Json
    const required = new Set((params.required ?? []) as string[])
    const input =
      method === 'get' || method === 'delete'
        ? { parameters: Object.entries(properties).map(([name, schema]) => ({ name, in: 'query', required: required.has(name), schema })) }
        : { requestBody: { required: false, content: { 'application/json': { schema: params } } } }
    const response = toSchema(route.response, 'output')
    return {
      operationId: `${route.path.slice(1).replaceAll('/', '_')}_${method}`,
      summary: route.description,
      security: route.auth.map((kind) => ({ [SECURITY_SCHEMES[kind]]: [] })),
      'x-response-key': responseKeyOf(route),
      ...optional({ 'x-action-attempt-type': route.actionAttemptType }),
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
        // The error envelope inline: under components/schemas it would read as one more resource.
        '4XX': { description: 'The request was refused', content: { 'application/json': { schema: errorSchema } } },
        '5XX': { description: 'The server could not answer', content: { 'application/json': { schema: errorSchema } } },
      },
    }
  }

  const paths = Object.fromEntries(
    routes.map((route) => [route.path, Object.fromEntries(route.methods.map((m) => [m.toLowerCase(), operation(route, m.toLowerCase())]))]),
  )
  return {
    openapi: '3.0.3',
    info: {
      title: 'Latchkey',
      version: '0.1.0',
      description: 'Seam-compatible client session server.',
      license: { name: 'MIT', url: 'https://opensource.org/licenses/MIT' },
    },
    servers: [{ url: '/' }],
    components: {
      schemas: components,
      securitySchemes: {
        api_key: { type: 'http', scheme: 'bearer', bearerFormat: 'API Key' },
        pat_with_workspace: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'API Token',
          description: 'seam_at1… token plus a seam-workspace header',
        },
        pat_without_workspace: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'API Token',
          description: 'seam_at1… token without a seam-workspace header',
        },
        client_session: { type: 'http', scheme: 'bearer', bearerFormat: 'Client Session Token' },
        publishable_key: { type: 'apiKey', in: 'header', name: 'seam-publishable-key' },
      },
    },
    paths,
  }
}
