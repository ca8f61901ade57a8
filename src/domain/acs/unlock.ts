import { randomUUID } from 'node:crypto'

import { invalidField, notFound } from '../../contract/api-error.ts'
import type { ActionAttemptRecord, Scope } from '../../store/records.ts'
import type { AppContext } from '../context.ts'
import { credentialOf } from './credentials.ts'
import { isValidAt } from './credential-rules.ts'

/**
 * acs/entrances/unlock: opens an entrance remotely with a cloud key credential. The request is
 * refused (nothing stored) when the entrance or credential is not found, the credential is not a
 * cloud key or the entrance takes none. Otherwise the attempt records what the door did: it opens
 * for a credential that opens it now (the model of sql/acs-reach.ts: not revoked, its user not
 * suspended, within its validity window), and refuses anything else as an error of the attempt.
 */
export const unlockEntrance = async (
  context: AppContext,
  workspaceId: string,
  input: { acs_entrance_id: string; acs_credential_id: string },
): Promise<ActionAttemptRecord> => {
  const scope: Scope = { workspaceId, clientSessionId: null }
  const entrance = await context.store.getAcsEntrance(scope, input.acs_entrance_id)
  if (entrance === undefined) throw notFound('acs_entrance')
  const credential = await credentialOf(context, workspaceId, input.acs_credential_id)
  if (credential.accessMethod !== 'cloud_key')
    throw invalidField(
      'acs_credential_id',
      `Credential ${credential.acsCredentialId} is a ${credential.accessMethod} credential; unlocking takes a cloud_key credential.`,
    )
  if (!entrance.canUnlockWithCloudKey)
    throw invalidField('acs_entrance_id', `The entrance ${entrance.displayName} cannot be unlocked remotely with a cloud key.`)
  const now = context.clock.now()
  const at = now.toISOString()
  const opened = await context.store.listAcsEntrances(
    scope,
    { acsCredentialId: credential.acsCredentialId, ids: [entrance.acsEntranceId] },
    { limit: 1, after: undefined },
  )
  const base = { actionAttemptId: randomUUID(), workspaceId, deviceId: null, actionType: 'UNLOCK_DOOR' as const, createdAt: at }
  const denied = (message: string): ActionAttemptRecord => ({
    ...base,
    status: 'error',
    result: null,
    error: { type: 'uncategorized_error', message },
  })
  let attempt: ActionAttemptRecord
  if (opened.items.length === 0)
    attempt = denied(`Credential ${credential.acsCredentialId} does not grant access to ${entrance.displayName}.`)
  else if (!isValidAt(credential, now)) attempt = denied(`Credential ${credential.acsCredentialId} is not valid at this time.`)
  else attempt = { ...base, status: 'success', result: { was_confirmed_by_device: true }, error: null }
  // Seam's event list has no acs entrance unlock event: the attempt is the record.
  await context.store.insertAcsActionAttempt(attempt, [])
  return attempt
}
