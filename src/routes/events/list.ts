import { z } from 'zod'

import { paginationSchema } from '../../contract/client-session.ts'
import { eventSchema } from '../../contract/event.ts'
import { toEventResource } from '../../domain/resources/event.ts'
import { scopeOf } from '../../domain/scope.ts'
import { defineRoute } from '../../http/route.ts'
import { SEAM_EVENT_TYPES } from '../../contract/seam-event-types.ts'
import { id, idList } from '../../contract/fields.ts'
import type { EventFilter } from '../../store/records.ts'
import { SCOPED_READERS } from '../found.ts'
import { oneAndMany } from '../list-filters.ts'
import { pageParams, pageRequest, paginationOf } from '../page-cursor.ts'
import { optional, whenDefined } from '../../store/optional.ts'

/** Seam's filters on resources Latchkey does not keep (access systems, grants, spaces, customers), and its offset paging. */
const UNSUPPORTED_EVENT_FILTERS = [
  'unstable_offset',
  'acs_system_id',
  'acs_system_ids',
  'acs_entrance_id',
  'acs_user_id',
  'acs_credential_id',
  'acs_access_group_id',
  'acs_encoder_id',
  'access_grant_id',
  'access_grant_ids',
  'access_method_id',
  'access_method_ids',
  'space_id',
  'space_ids',
]

const eventType = () => z.enum(SEAM_EVENT_TYPES)
const instant = () => z.iso.datetime({ offset: true })
const iso = (text: string) => new Date(text).toISOString()

export default defineRoute({
  path: '/events/list',
  methods: ['GET', 'POST'],
  auth: SCOPED_READERS,
  description:
    'Lists events, newest first. A client session token sees the events about its own session, its scope’s accounts and devices, and its webviews.',
  params: z.object({
    event_type: eventType().optional(),
    event_types: z.array(eventType()).min(1).max(200).optional(),
    since: instant().optional(),
    // Two instants; an array of two rather than a tuple, which OpenAPI 3.0 cannot say plainly.
    between: z.array(instant()).length(2).optional(),
    event_ids: idList().optional(),
    device_id: id().optional(),
    device_ids: idList().optional(),
    access_code_id: id().optional(),
    access_code_ids: idList().optional(),
    connected_account_id: id().optional(),
    connect_webview_id: id().optional(),
    user_identity_id: id().optional(),
    customer_key: z.string().min(1).max(255).optional(),
    ...pageParams,
  }),
  unsupported: UNSUPPORTED_EVENT_FILTERS,
  response: z.object({ events: z.array(eventSchema), pagination: paginationSchema }),
  async handler({ params, auth, context, nextPageUrl }) {
    const types = [...(params.event_type === undefined ? [] : [params.event_type]), ...(params.event_types ?? [])]
    const devices = oneAndMany(params.device_id, params.device_ids)
    const codes = oneAndMany(params.access_code_id, params.access_code_ids)
    const filter: EventFilter = {
      ...(types.length === 0 ? {} : { eventTypes: [...new Set(types)] }),
      ...optional({ since: whenDefined(params.since, iso) }),
      ...optional({ between: whenDefined(params.between, ([from, to]) => [iso(from as string), iso(to as string)] as const) }),
      ...optional({
        eventIds: params.event_ids,
        deviceIds: devices,
        accessCodeIds: codes,
        connectedAccountId: params.connected_account_id,
        connectWebviewId: params.connect_webview_id,
        userIdentityId: params.user_identity_id,
        customerKey: params.customer_key,
      }),
    }
    const page = await context.store.listEvents(scopeOf(auth), filter, pageRequest(params))
    return {
      events: page.items.map(toEventResource),
      pagination: paginationOf(page, (e) => ({ createdAt: e.createdAt, id: e.eventId }), nextPageUrl),
    }
  },
})
