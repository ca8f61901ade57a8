import type { Kysely } from 'kysely'

import type { SqlFlavor } from '../sql/flavor.ts'

/**
 * What a sandbox card encoder will do next (acs/encoders/simulate/*) and which card lies on it.
 * Immutable once released.
 * - `next_encode` / `next_scan`: JSON of the armed outcome, null when none is armed; an encode or a
 *   scan takes it (and clears it) in the transaction that records its action attempt.
 * - `card_acs_credential_id`: the credential last encoded on the encoder, what a scan reads when no
 *   other card was named.
 * One row per encoder, made the first time it is armed or used; it carries `acs_system_id` so it
 * goes with its system (sql/acs-children.ts).
 */
export const up = async (db: Kysely<unknown>, _flavor: SqlFlavor): Promise<void> => {
  await db.schema
    .createTable('acs_encoder_states')
    .addColumn('acs_encoder_id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('acs_system_id', 'text', (c) => c.notNull())
    .addColumn('next_encode', 'text')
    .addColumn('next_scan', 'text')
    .addColumn('card_acs_credential_id', 'text')
    .execute()
  await db.schema.createIndex('acs_encoder_states_of_system').on('acs_encoder_states').columns(['workspace_id', 'acs_system_id']).execute()
}
