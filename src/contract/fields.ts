import { z } from 'zod'

/**
 * Reusable parameter fields. Ids are accepted in any 8-4-4-4-12 hex form (not only RFC 4122
 * variants) so that a well-formed but unknown id answers `<resource>_not_found`, not
 * `invalid_input`.
 */
export const id = () => z.guid()
export const idList = () => z.array(z.guid()).max(1000)
export const userIdentifierKey = () => z.string().min(1).max(255)
export const futureTimestamp = () => z.iso.datetime({ offset: true })

/** An item of a resource's `errors` (Latchkey's sandbox resources have none; the shape is Seam's). */
export const resourceError = () => z.object({ error_code: z.string(), message: z.string(), created_at: z.iso.datetime() })
/** An item of a resource's `warnings`. */
export const resourceWarning = () => z.object({ warning_code: z.string(), message: z.string(), created_at: z.iso.datetime() })
