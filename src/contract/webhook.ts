import { z } from 'zod'

import { SEAM_EVENT_TYPES } from './seam-event-types.ts'

/** A webhook on the wire (`@seamapi/types` webhook): the secret is Svix's `whsec_…`. */
export const webhookSchema = z.object({
  webhook_id: z.uuid(),
  url: z.string(),
  event_types: z.array(z.string()),
  secret: z.string(),
})

/** An event type Seam defines, or `*` for all of them. */
export const webhookEventTypes = () =>
  z
    .array(z.enum(['*', ...SEAM_EVENT_TYPES]))
    .min(1)
    .max(200)

export const webhookUrl = () => z.url({ protocol: /^https?$/, error: 'A webhook URL is an http or https URL' }).max(2048)
