import { z } from 'zod'

/** The fields create and update share, as Seam names them. */
export const accessCodeFields = {
  name: z.string().max(200).optional(),
  code: z.string().regex(/^\d+$/, 'code is digits only').min(4).max(12).optional(),
  starts_at: z.iso.datetime({ offset: true }).optional(),
  ends_at: z.iso.datetime({ offset: true }).optional(),
}
