import { randomUUID } from 'node:crypto'

import type { Transaction } from 'kysely'

import type { AcsUserRecord } from '../records.ts'
import type { Database } from '../tables.ts'

/**
 * Seam's unmanaged user identities (migrations/0018): an access system brings its users, and each
 * user Seam can tell apart by an email address or a phone number gets a user identity of its own,
 * unmanaged until the workspace adopts it (user_identities/unmanaged/update). A user whose email
 * address or phone number an identity of the workspace already has (managed or not) is linked to
 * that one instead, so one person connected twice is one identity. Runs in the sign-in's
 * transaction, after the users are written (sql/connect-webviews.ts).
 */
export const linkUnmanagedIdentities = async (trx: Transaction<Database>, users: readonly AcsUserRecord[], at: string): Promise<void> => {
  for (const user of users) {
    if (user.userIdentityId !== null || (user.emailAddress === null && user.phoneNumber === null)) continue
    let query = trx.selectFrom('user_identities').select('user_identity_id').where('workspace_id', '=', user.workspaceId)
    query = query.where((eb) =>
      eb.or([
        ...(user.emailAddress === null ? [] : [eb('email_address', '=', user.emailAddress)]),
        ...(user.phoneNumber === null ? [] : [eb('phone_number', '=', user.phoneNumber)]),
      ]),
    )
    const existing = await query.orderBy('created_at').orderBy('user_identity_id').executeTakeFirst()
    const userIdentityId = existing?.user_identity_id ?? randomUUID()
    if (existing === undefined)
      await trx
        .insertInto('user_identities')
        .values({
          user_identity_id: userIdentityId,
          workspace_id: user.workspaceId,
          user_identity_key: null,
          email_address: user.emailAddress,
          phone_number: user.phoneNumber,
          full_name: user.fullName,
          created_at: at,
          is_managed: 0,
        })
        .execute()
    await trx
      .updateTable('acs_users')
      .set({ user_identity_id: userIdentityId })
      .where('workspace_id', '=', user.workspaceId)
      .where('acs_user_id', '=', user.acsUserId)
      .execute()
  }
}
