import type { Store } from '../store.ts'
import type { Engine } from './engine.ts'
import { recordEvent } from './events.ts'
import { accessCodeRow, toAccessCode } from './resource-rows.ts'
import { isUniqueViolation } from './unique-violation.ts'

type BackupVerbs = Pick<Store, 'findPulledBackupAccessCode' | 'insertBackupAccessCode'>

export const backupAccessCodeVerbs = (engine: Engine): BackupVerbs => {
  const { db } = engine
  return {
    async findPulledBackupAccessCode(workspaceId, accessCodeId) {
      const row = await db
        .selectFrom('backup_access_code_pulls as p')
        .innerJoin('access_codes as c', 'c.access_code_id', 'p.backup_access_code_id')
        .selectAll('c')
        .where('p.workspace_id', '=', workspaceId)
        .where('p.access_code_id', '=', accessCodeId)
        .executeTakeFirst()
      return row && toAccessCode(row)
    },

    async insertBackupAccessCode(accessCodeId, backup, event) {
      try {
        return await db.transaction().execute(async (trx) => {
          const original = await trx
            .selectFrom('access_codes')
            .select('access_code_id')
            .where('workspace_id', '=', backup.workspaceId)
            .where('access_code_id', '=', accessCodeId)
            .executeTakeFirst()
          if (original === undefined) return 'not_found' as const
          await trx.insertInto('access_codes').values(accessCodeRow(backup)).execute()
          // A backup pulled before and since deleted is replaced by this one.
          await trx.deleteFrom('backup_access_code_pulls').where('access_code_id', '=', accessCodeId).execute()
          await trx
            .insertInto('backup_access_code_pulls')
            .values({
              access_code_id: accessCodeId,
              workspace_id: backup.workspaceId,
              backup_access_code_id: backup.accessCodeId,
              created_at: backup.createdAt,
            })
            .execute()
          await recordEvent(trx, event)
          return 'done' as const
        })
      } catch (error) {
        if (isUniqueViolation(error)) return 'duplicate_code'
        throw error
      }
    },
  }
}
