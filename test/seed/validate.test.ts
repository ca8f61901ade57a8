import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, test } from 'node:test'

import { parseSeed, SeedError } from '../../src/seed/validate.ts'

const EXAMPLE = new URL('../../examples/seed.json', import.meta.url)
const example = () => JSON.parse(readFileSync(EXAMPLE, 'utf8'))

/** The example with one change made by `edit`; parsing it must fail with exactly `message`. */
const refused = (edit: (seed: ReturnType<typeof example>) => void, message: RegExp) => {
  const seed = example()
  edit(seed)
  assert.throws(
    () => parseSeed(seed),
    (error: unknown) => {
      assert.ok(error instanceof SeedError)
      assert.match(error.message, message)
      // One error, naming a field; never a token.
      assert.doesNotMatch(error.message, /seam_[A-Za-z0-9]+_[A-Za-z0-9]{10,}|whsec_[A-Za-z0-9+/]{10,}/)
      return true
    },
  )
}

describe('seed files: checked whole before anything is written, one error naming the field', () => {
  test('the example seed (examples/seed.json, quoted in docs/ci.md) is valid', () => {
    const seed = parseSeed(example())
    assert.equal(seed.workspaces.length, 2)
    assert.equal(seed.workspaces[0]?.connected_accounts[1]?.devices.length, 0)
  })

  test("a token not in its kind's format is refused with the format named", () => {
    refused(
      (s) => (s.workspaces[0].api_keys[0].token = 'seam_short_abc'),
      /^seed: workspaces\[0\]\.api_keys\[0\]\.token: not an API key: the format is seam_ \+ an 8-character base58 id/,
    )
    refused(
      (s) => (s.workspaces[0].client_sessions[1].token = s.workspaces[0].api_keys[0].token),
      /^seed: workspaces\[0\]\.client_sessions\[1\]\.token: not a client session token: the format is seam_cst1 \+/,
    )
    // An API key whose id would read as another kind of credential.
    refused(
      (s) => (s.workspaces[0].api_keys[0].token = 'seam_cst1abcd_3KZ1T6ubYgudWofCnKhXKdvSbb6tkaNC'),
      /^seed: workspaces\[0\]\.api_keys\[0\]\.token: .*not starting with cst\/pk\/at/,
    )
    refused(
      (s) => (s.users[0].personal_access_tokens[0].token = 'seam_at1ciPat111_0000'),
      /^seed: users\[0\]\.personal_access_tokens\[0\]\.token: not a personal access token/,
    )
    refused(
      (s) => (s.workspaces[0].webhooks[0].secret = 'whsec_short'),
      /^seed: workspaces\[0\]\.webhooks\[0\]\.secret: not a webhook secret/,
    )
  })

  test('shape: unknown fields, bad ids, unknown providers', () => {
    refused((s) => (s.workspaces[1].api_key = 'x'), /^seed: workspaces\[1\]: Unrecognized key: "api_key"/)
    refused((s) => (s.workspaces[0].workspace_id = 'ws1'), /^seed: workspaces\[0\]\.workspace_id: /)
    refused((s) => (s.workspaces[0].connected_accounts[0].provider = 'yale'), /^seed: workspaces\[0\]\.connected_accounts\[0\]\.provider: /)
    refused(
      (s) => (s.workspaces[0].webhooks[0].event_types = ['lock.exploded']),
      /^seed: workspaces\[0\]\.webhooks\[0\]\.event_types\[0\]: /,
    )
  })

  test('what the seed refers to, it declares; ids and tokens are unique', () => {
    refused(
      (s) =>
        (s.workspaces[1].client_sessions = [
          {
            ...s.workspaces[0].client_sessions[0],
            client_session_id: crypto.randomUUID(),
            token: 'seam_cst1other111_VL1ZC6k2u8bDK2NZAJwSGJvY',
          },
        ]),
      /^seed: workspaces\[1\]\.client_sessions\[0\]\.connected_account_ids\[0\]: not a connected account of this workspace/,
    )
    refused(
      (s) => (s.workspaces[0].client_sessions[1].user_identity_id = crypto.randomUUID()),
      /^seed: workspaces\[0\]\.client_sessions\[1\]\.user_identity_id: not a user identity of this workspace/,
    )
    refused(
      (s) => (s.users[0].workspace_ids[1] = crypto.randomUUID()),
      /^seed: users\[0\]\.workspace_ids\[1\]: not a workspace of the seed/,
    )
    refused(
      (s) => (s.workspaces[1].api_keys[0].token = s.workspaces[0].api_keys[0].token),
      /^seed: workspaces\[1\]\.api_keys\[0\]\.token: the same API key id as workspaces\[0\]\.api_keys\[0\]\.token/,
    )
    refused(
      (s) => (s.workspaces[1].workspace_id = s.workspaces[0].workspace_id),
      /^seed: workspaces\[1\]\.workspace_id: the same workspace_id as workspaces\[0\]\.workspace_id/,
    )
  })

  test('connected accounts are sandbox people, in sandbox workspaces, with their own devices', () => {
    refused(
      (s) => (s.workspaces[0].connected_accounts[1].email = 'nobody@example.com'),
      /^seed: workspaces\[0\]\.connected_accounts\[1\]\.email: no sandbox person/,
    )
    refused(
      (s) => (s.workspaces[0].connected_accounts[0].devices[1].name = 'Main Entrance'),
      /^seed: workspaces\[0\]\.connected_accounts\[0\]\.devices\[1\]\.name: jane@example.com has no device of this name; theirs are Front Door, Back Door, Garage Door/,
    )
    refused(
      (s) => (s.workspaces[0].connected_accounts[1].email = 'jane@example.com'),
      /^seed: workspaces\[0\]\.connected_accounts\[1\]\.email: the same email for this provider in this workspace/,
    )
    refused(
      (s) => (s.workspaces[0].is_sandbox = false),
      /^seed: workspaces\[0\]\.connected_accounts\[0\]: a connected account needs a sandbox workspace/,
    )
  })

  test('several problems: the first is named and the rest counted', () => {
    refused((s) => {
      s.workspaces[0].name = ''
      s.users[0].email = 'not an email'
    }, /^seed: workspaces\[0\]\.name: .* \(and 1 more\)$/)
  })
})
