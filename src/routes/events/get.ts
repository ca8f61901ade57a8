import { z } from 'zod'

import { eventSchema } from '../../contract/event.ts'
import { toEventResource } from '../../domain/resources/event.ts'
import { invalidField } from '../../contract/api-error.ts'
import { id } from '../../contract/fields.ts'
import { SEAM_EVENT_TYPES } from '../../contract/seam-event-types.ts'
import type { EventFilter } from '../../store/records.ts'
import { scopeOf } from '../../domain/scope.ts'
import { defineRoute } from '../../http/route.ts'
import { found, SCOPED_READERS } from '../found.ts'
import { optional, whenDefined } from '../../store/optional.ts'

export default defineRoute({
  path: '/events/get',
  methods: ['GET', 'POST'],
  auth: SCOPED_READERS,
  description:
    'Returns one event: by `event_id`, or the newest one matching `event_type` and/or `device_id`. A client session token reaches only the events in its scope (as events/list shows them).',
  params: z.object({ event_id: id().optional(), event_type: z.enum(SEAM_EVENT_TYPES).optional(), device_id: id().optional() }),
  response: z.object({ event: eventSchema }),
  async handler({ params, auth, context }) {
    const scope = scopeOf(auth)
    if (params.event_id === undefined && params.event_type === undefined && params.device_id === undefined) {
      throw invalidField('event_id', 'event_id, event_type or device_id is required')
    }
    // Every parameter given must match; the newest such event is the answer.
    const filter: EventFilter = {
      ...optional({ eventIds: whenDefined(params.event_id, (id) => [id]) }),
      ...optional({ eventTypes: whenDefined(params.event_type, (type) => [type]) }),
      ...optional({ deviceIds: whenDefined(params.device_id, (id) => [id]) }),
    }
    const page = await context.store.listEvents(scope, filter, { limit: 1, after: undefined })
    return { event: toEventResource(found(page.items[0], 'event')) }
  },
})
