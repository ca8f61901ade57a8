import { invalidField, notFound } from '../../../contract/api-error.ts'
import type { AppContext } from '../../../domain/context.ts'
import type { AcsAccessChange, AcsUserRecord } from '../../../store/records.ts'

/**
 * Applies a change to what an acs user reaches; a group or entrance not of the user's system
 * answers its own 404 (`notFoundAs`), as the other routes answer an unknown one.
 */
export const changeAccess = async (
  context: AppContext,
  user: AcsUserRecord,
  change: AcsAccessChange,
  notFoundAs: 'acs_access_group' | 'acs_entrance' | null,
): Promise<void> => {
  const at = context.clock.now().toISOString()
  const outcome = await context.store.changeAcsUserAccess(user.workspaceId, user.acsUserId, change, at, [])
  if (outcome === 'user_not_found') throw notFound('acs_user')
  if (outcome === 'target_not_found') {
    if (notFoundAs === null) throw invalidField('acs_user_id', 'the change names nothing of the user’s system')
    throw notFound(notFoundAs)
  }
}
