import { type RawBuilder, sql } from 'kysely'

/**
 * What acs users reach, in SQL, in one place (the model of SPEC §11): the entrances of the access
 * groups they belong to and those granted to them directly (acs/entrances/grant_access); a
 * suspended user reaches nothing until unsuspended. `users` is a subquery of acs_user_ids.
 */
export const entrancesReachedBy = (users: RawBuilder<unknown>): RawBuilder<unknown> => sql`
  SELECT ge.acs_entrance_id
    FROM acs_user_access_groups ug
    JOIN acs_access_group_entrances ge ON ge.acs_access_group_id = ug.acs_access_group_id
    JOIN acs_users u ON u.acs_user_id = ug.acs_user_id
   WHERE ug.acs_user_id IN (${users}) AND u.is_suspended = 0
  UNION
  SELECT ue.acs_entrance_id
    FROM acs_user_entrances ue
    JOIN acs_users u ON u.acs_user_id = ue.acs_user_id
   WHERE ue.acs_user_id IN (${users}) AND u.is_suspended = 0`

/** The users who reach an entrance (the inverse of entrancesReachedBy): through a group or a direct grant, not suspended. */
export const usersReaching = (entranceId: string): RawBuilder<unknown> => sql`
  SELECT ug.acs_user_id
    FROM acs_access_group_entrances ge
    JOIN acs_user_access_groups ug ON ug.acs_access_group_id = ge.acs_access_group_id
    JOIN acs_users u ON u.acs_user_id = ug.acs_user_id
   WHERE ge.acs_entrance_id = ${entranceId} AND u.is_suspended = 0
  UNION
  SELECT ue.acs_user_id
    FROM acs_user_entrances ue
    JOIN acs_users u ON u.acs_user_id = ue.acs_user_id
   WHERE ue.acs_entrance_id = ${entranceId} AND u.is_suspended = 0`

/**
 * The entrances a credential opens: those it names itself (acs_credential_entrances), else its
 * acs user's (entrancesReachedBy). An unassigned credential naming none opens nothing; a
 * suspended user's credentials open nothing.
 */
export const entrancesOpenedBy = (credentialId: string): RawBuilder<unknown> => sql`
  SELECT ce.acs_entrance_id FROM acs_credential_entrances ce WHERE ce.acs_credential_id = ${credentialId}
     AND NOT EXISTS (SELECT 1 FROM acs_credentials c JOIN acs_users u ON u.acs_user_id = c.acs_user_id
                      WHERE c.acs_credential_id = ${credentialId} AND u.is_suspended = 1)
  UNION
  SELECT r.acs_entrance_id FROM (${entrancesReachedBy(sql`SELECT c.acs_user_id FROM acs_credentials c WHERE c.acs_credential_id = ${credentialId}`)}) r
   WHERE NOT EXISTS (SELECT 1 FROM acs_credential_entrances ce2 WHERE ce2.acs_credential_id = ${credentialId})`

/** The credentials that open an entrance: naming it, or (naming none) held by a user who reaches it. */
export const credentialsOpening = (entranceId: string): RawBuilder<unknown> => sql`
  SELECT ce.acs_credential_id FROM acs_credential_entrances ce WHERE ce.acs_entrance_id = ${entranceId}
     AND NOT EXISTS (SELECT 1 FROM acs_credentials c JOIN acs_users u ON u.acs_user_id = c.acs_user_id
                      WHERE c.acs_credential_id = ce.acs_credential_id AND u.is_suspended = 1)
  UNION
  SELECT c.acs_credential_id FROM acs_credentials c
   WHERE c.acs_user_id IN (${usersReaching(entranceId)})
     AND NOT EXISTS (SELECT 1 FROM acs_credential_entrances ce2 WHERE ce2.acs_credential_id = c.acs_credential_id)`
