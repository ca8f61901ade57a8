import type { z } from 'zod'

import { type connectWebviewSchema, webviewUrl } from '../../contract/connect-webview.ts'
import type { ConnectWebviewRecord } from '../../store/records.ts'
import { optional } from '../../store/optional.ts'

export const toConnectWebviewResource = (w: ConnectWebviewRecord, origin: string): z.infer<typeof connectWebviewSchema> => ({
  connect_webview_id: w.connectWebviewId,
  workspace_id: w.workspaceId,
  url: webviewUrl(origin, w.connectWebviewId),
  status: w.status,
  login_successful: w.status === 'authorized',
  connected_account_id: w.connectedAccountId,
  accepted_providers: w.acceptedProviders,
  selected_provider: w.status === 'authorized' ? w.selectedProvider : null,
  any_provider_allowed: false,
  accepted_devices: [],
  accepted_capabilities: ['lock'],
  any_device_allowed: true,
  device_selection_mode: 'none',
  custom_redirect_url: w.customRedirectUrl,
  custom_redirect_failure_url: w.customRedirectFailureUrl,
  custom_metadata: w.customMetadata,
  ...optional({ customer_key: w.customerKey ?? undefined }),
  automatically_manage_new_devices: true,
  wait_for_device_creation: false,
  created_at: w.createdAt,
  authorized_at: w.authorizedAt,
})
