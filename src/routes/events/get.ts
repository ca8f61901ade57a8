import { z } from 'zod'

import { eventSchema } from '../../contract/event.ts'
import { toEventResource } from '../../domain/resources/event.ts'
import { id } from '../../contract/fields.ts'
import { scopeOf } from '../../domain/scope.ts'
import { defineRoute } from '../../http/route.ts'
import { found, WORKSPACE_KEYS } from '../found.ts'

export default defineRoute({
  path: '/events/get',
  methods: ['GET', 'POST'],
  // contract §5 lets a client session token list its events, not fetch arbitrary ones by id.
  auth: WORKSPACE_KEYS,
  description: 'Returns one event of the workspace.',
  params: z.object({ event_id: id() }),
  response: z.object({ event: eventSchema }),
  async handler({ params, auth, context }) {
    return { event: toEventResource(found(await context.store.getEvent(scopeOf(auth), params.event_id), 'event')) }
  },
})
