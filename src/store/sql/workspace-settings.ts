import type { Kysely, Updateable } from 'kysely'

import type { Store } from '../store.ts'
import type { Database, WorkspacesTable } from '../tables.ts'

type WorkspaceSettingVerbs = Pick<Store, 'updateWorkspace'>

/** What `workspaces/update` writes on the workspace's own row. */
export const workspaceSettingVerbs = (db: Kysely<Database>): WorkspaceSettingVerbs => ({
  async updateWorkspace(workspaceId, changes) {
    const set: Updateable<WorkspacesTable> = {}
    if (changes.name !== undefined) set.name = changes.name
    if (changes.companyName !== undefined) set.company_name = changes.companyName
    if (changes.connectPartnerName !== undefined) set.connect_partner_name = changes.connectPartnerName
    if (changes.isSuspended !== undefined) set.is_suspended = changes.isSuspended ? 1 : 0
    if (Object.keys(set).length === 0) {
      const row = await db.selectFrom('workspaces').select('workspace_id').where('workspace_id', '=', workspaceId).executeTakeFirst()
      return row !== undefined
    }
    const result = await db.updateTable('workspaces').set(set).where('workspace_id', '=', workspaceId).executeTakeFirst()
    return Number(result.numUpdatedRows) === 1
  },
})
