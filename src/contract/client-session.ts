import { z } from 'zod'

/** The client session resource as it goes on the wire (contract §3). */
export const clientSessionSchema = z.object({
  client_session_id: z.uuid(),
  workspace_id: z.uuid(),
  /** Null only when the server holds no key that decrypts the stored token. */
  token: z.string().nullable(),
  user_identifier_key: z.string().nullable(),
  created_at: z.iso.datetime(),
  expires_at: z.iso.datetime(),
  device_count: z.number().int(),
  connected_account_ids: z.array(z.uuid()),
  connect_webview_ids: z.array(z.uuid()),
  user_identity_id: z.uuid().optional(),
  user_identity_ids: z.array(z.uuid()),
  customer_id: z.string().optional(),
  customer_key: z.string().optional(),
})

export type ClientSessionResource = z.infer<typeof clientSessionSchema>

export const paginationSchema = z.object({
  has_next_page: z.boolean(),
  next_page_cursor: z.string().nullable(),
  /** This request as a GET URL with the next `page_cursor`; null on the last page. */
  next_page_url: z.url().nullable(),
})
