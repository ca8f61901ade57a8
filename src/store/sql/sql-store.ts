import { type Kysely, sql } from 'kysely'

import type { Engine } from './engine.ts'
import type { SqlFlavor } from './flavor.ts'
import { migrateToLatest } from '../migrate.ts'
import { accessCodeVerbs } from './access-codes.ts'
import { actionAttemptVerbs } from './action-attempts.ts'
import { bulkVerbs } from './bulk.ts'
import { connectWebviewVerbs } from './connect-webviews.ts'
import { connectedAccountVerbs } from './connected-accounts.ts'
import { credentialVerbs } from './credentials.ts'
import { deviceVerbs } from './devices.ts'
import { eventVerbs } from './events.ts'
import { sessionVerbs } from './client-sessions.ts'
import { operationVerbs } from './operations.ts'
import { resourceVerbs } from './resources.ts'
import { userIdentityVerbs } from './user-identities.ts'
import { webhookVerbs } from './webhooks.ts'
import { deviceConditionVerbs } from './device-conditions.ts'
import { sandboxResetVerbs } from './sandbox-reset.ts'
import { workspaceSettingVerbs } from './workspace-settings.ts'
import type { Store } from '../store.ts'
import { accessCodeGroupVerbs } from './access-code-groups.ts'
import { backupAccessCodeVerbs } from './backup-access-codes.ts'
import { deviceChangeVerbs } from './device-changes.ts'
import { unmanagedAccessCodeVerbs } from './unmanaged-access-codes.ts'
import { noiseThresholdVerbs } from './noise-thresholds.ts'
import { thermostatProgramVerbs } from './thermostat-programs.ts'
import { acsVerbs } from './acs-verbs.ts'
import { acsReportVerbs } from './acs-reports.ts'
import { acsCredentialVerbs } from './acs-credentials.ts'
import { acsEncoderVerbs } from './acs-encoders.ts'
// User identities' access, phones and instant keys.
import { identityAccessVerbs } from './identity-access.ts'
import { instantKeyVerbs } from './instant-keys.ts'
import { phoneVerbs } from './phones.ts'

/**
 * One SQL implementation of the Store for both databases, over the engine each dialect opens
 * (engine.ts: sqlite/open-sqlite-store.ts, postgres/open-postgres-store.ts).
 */
export const createSqlStore = (engine: Engine, flavor: SqlFlavor): Store => {
  const { db } = engine
  return {
    flavor: flavor.name,
    migrate: () => migrateToLatest(db as Kysely<unknown>, flavor),
    async ping() {
      await sql`SELECT 1`.execute(db)
    },
    close: () => db.destroy(),
    ...credentialVerbs(engine),
    ...sessionVerbs(engine, flavor),
    ...resourceVerbs(db),
    ...connectedAccountVerbs(engine),
    ...deviceVerbs(engine, flavor),
    ...connectWebviewVerbs(engine),
    ...userIdentityVerbs(engine),
    ...eventVerbs(engine),
    ...actionAttemptVerbs(engine, flavor),
    ...accessCodeVerbs(engine),
    ...webhookVerbs(engine, flavor),
    ...bulkVerbs(db),
    ...operationVerbs(db),
    ...deviceConditionVerbs(engine, flavor),
    ...deviceChangeVerbs(engine, flavor),
    ...unmanagedAccessCodeVerbs(engine),
    ...accessCodeGroupVerbs(engine),
    ...backupAccessCodeVerbs(engine),
    ...workspaceSettingVerbs(db),
    ...sandboxResetVerbs(db),
    ...noiseThresholdVerbs(engine, flavor),
    ...thermostatProgramVerbs(engine, flavor),
    ...acsVerbs(engine, flavor),
    ...acsReportVerbs(engine, flavor),
    ...acsCredentialVerbs(engine, flavor),
    ...acsEncoderVerbs(engine, flavor),
    ...identityAccessVerbs(engine, flavor),
    ...phoneVerbs(engine, flavor),
    ...instantKeyVerbs(engine),
  }
}
