import { z } from 'zod'

import { paginationSchema } from '../../contract/client-session.ts'
import { eventSchema } from '../../contract/event.ts'
import { toEventResource } from '../../domain/resources/event.ts'
import { scopeOf } from '../../domain/scope.ts'
import { defineRoute } from '../../http/route.ts'
import type { EventFilter } from '../../store/records.ts'
import { SCOPED_READERS } from '../found.ts'
import { pageParams, pageRequest, paginationOf } from '../page-cursor.ts'

const eventType = () => z.string().regex(/^[a-z_]+\.[a-z_]+$/, 'Event types look like client_session.created')

export default defineRoute({
  path: '/events/list',
  methods: ['GET', 'POST'],
  auth: SCOPED_READERS,
  description:
    'Lists events, newest first. A client session token sees the events about its own session, its scope’s accounts and devices, and its webviews.',
  params: z.object({
    event_type: eventType().optional(),
    event_types: z.array(eventType()).min(1).max(100).optional(),
    since: z.iso.datetime({ offset: true }).optional(),
    ...pageParams,
  }),
  response: z.object({ events: z.array(eventSchema), pagination: paginationSchema }),
  async handler({ params, auth, context }) {
    const types = [...(params.event_type === undefined ? [] : [params.event_type]), ...(params.event_types ?? [])]
    const filter: EventFilter = {
      ...(types.length === 0 ? {} : { eventTypes: [...new Set(types)] }),
      ...(params.since === undefined ? {} : { since: new Date(params.since).toISOString() }),
    }
    const page = await context.store.listEvents(scopeOf(auth), filter, pageRequest(params))
    return {
      events: page.items.map(toEventResource),
      pagination: paginationOf(page, (e) => ({ createdAt: e.createdAt, id: e.eventId })),
    }
  },
})
