import type { z } from 'zod'

import type { connectedAccountSchema } from '../../contract/connected-account.ts'
import type { ConnectedAccountRecord } from '../../store/records.ts'
import { providerDisplayName } from '../../sandbox/providers/registry.ts'
import { optional } from '../../store/optional.ts'

export const toConnectedAccountResource = (a: ConnectedAccountRecord): z.infer<typeof connectedAccountSchema> => ({
  connected_account_id: a.connectedAccountId,
  workspace_id: a.workspaceId,
  provider: a.provider,
  account_type: a.provider,
  account_type_display_name: providerDisplayName(a.provider),
  display_name: a.displayName,
  user_identifier: optional({ email: a.userIdentifierEmail ?? undefined }),
  created_at: a.createdAt,
  custom_metadata: a.customMetadata,
  ...optional({ customer_key: a.customerKey ?? undefined }),
  automatically_manage_new_devices: a.automaticallyManageNewDevices,
  // Null until connected_accounts/update sets them: the provider's own.
  accepted_capabilities: a.acceptedCapabilities ?? ['lock'],
  errors: a.errors,
  warnings: [],
})
