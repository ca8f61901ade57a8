import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'

import { SqliteLiteralLimits } from '../../../src/store/sqlite/literal-limits.ts'
import type { Database } from '../../../src/store/tables.ts'

const db = new Kysely<Database>({
  dialect: new SqliteDialect({ database: new BetterSqlite3(':memory:') }),
  plugins: [new SqliteLiteralLimits()],
})

describe('SQLite literal limits', () => {
  it('writes an integer LIMIT into the SQL, so SQLite does not recompile the statement per run', () => {
    const compiled = db.selectFrom('client_sessions').select('client_session_id').where('workspace_id', '=', 'w').limit(101).compile()
    assert.match(compiled.sql, / limit 101$/)
    assert.deepEqual(compiled.parameters, ['w'])
  })

  it('leaves anything that is not a safe integer bound', () => {
    const compiled = db.selectFrom('client_sessions').select('client_session_id').limit(1.5).compile()
    assert.match(compiled.sql, / limit \?$/)
    assert.deepEqual(compiled.parameters, [1.5])
  })
})
