import { z } from 'zod'

/** A Connect Webview on the wire, with Seam's field names (`@seamapi/types` connect_webview). */
export const connectWebviewSchema = z.object({
  connect_webview_id: z.uuid(),
  workspace_id: z.uuid(),
  url: z.url(),
  status: z.enum(['pending', 'authorized', 'failed']),
  login_successful: z.boolean(),
  connected_account_id: z.uuid().nullable(),
  accepted_providers: z.array(z.string()),
  selected_provider: z.string().nullable(),
  any_provider_allowed: z.boolean(),
  accepted_devices: z.array(z.string()),
  accepted_capabilities: z.array(z.string()),
  any_device_allowed: z.boolean(),
  device_selection_mode: z.literal('none'),
  custom_redirect_url: z.string().nullable(),
  custom_redirect_failure_url: z.string().nullable(),
  custom_metadata: z.record(z.string(), z.unknown()),
  /** Present when the webview was created for a customer. */
  customer_key: z.string().optional(),
  automatically_manage_new_devices: z.boolean(),
  wait_for_device_creation: z.boolean(),
  created_at: z.iso.datetime(),
  authorized_at: z.iso.datetime().nullable(),
})

/** The sign-in page of a webview; an absolute URL on this server (or LATCHKEY_PUBLIC_URL). */
export const webviewUrl = (origin: string, connectWebviewId: string): string =>
  `${origin.replace(/\/+$/, '')}/connect_webviews/view/${connectWebviewId}`
