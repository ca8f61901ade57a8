import { randomBytes } from 'node:crypto'

import type { LoadRequest } from './load.ts'
import type { BenchData, WriteWorkspace } from './seed.ts'

export type ScenarioName =
  | 'cst_get'
  | 'api_key_get'
  | 'create'
  | 'get_or_create'
  | 'list_100'
  | 'devices_list'
  | 'unlock_door'
  | 'unlock_door_webhook'
  | 'delete'
  | 'delete_webhook'

export interface Scenario {
  name: ScenarioName
  label: string
  /** The request against Latchkey. */
  latchkey(data: BenchData): LoadRequest
  /** The same request against Seam's fake and its seed data, where the fake supports it. */
  fake?: () => LoadRequest
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
const FAKE_API_KEY = 'seam_apikey1_token'
const FAKE_CST = 'seam_cst1_token'
const FAKE_USER_KEY = 'john_user_identifier_key'

// New keys for every request of every run: create must insert, never find.
const run = randomBytes(4).toString('hex')
let counter = 0
const newKeyBody = () => JSON.stringify({ user_identifier_key: `bench-new-${run}-${counter++}` })

const writeWorkspace = (d: BenchData, hooked: boolean): WriteWorkspace => {
  const w = hooked ? d.hooked : d.plain
  if (w === undefined) throw new Error('the write scenarios need data seeded with a webhook receiver (seedBenchData writes)')
  return w
}

/** Each request deletes the next seeded session; past the last one it would answer 404. */
const nextDeleteBody = (w: WriteWorkspace) => () => JSON.stringify({ client_session_id: w.deletableIds[w.next++ % w.deletableIds.length] })

const unlock =
  (hooked: boolean) =>
  (d: BenchData): LoadRequest => {
    const w = writeWorkspace(d, hooked)
    return { method: 'POST', path: '/locks/unlock_door', headers: bearer(w.apiKey), body: JSON.stringify({ device_id: w.lockId }) }
  }

const remove =
  (hooked: boolean) =>
  (d: BenchData): LoadRequest => {
    const w = writeWorkspace(d, hooked)
    return { method: 'POST', path: '/client_sessions/delete', headers: bearer(w.apiKey), body: nextDeleteBody(w) }
  }

export const SCENARIOS: Scenario[] = [
  {
    name: 'cst_get',
    label: 'client_sessions/get, CST',
    latchkey: (d) => ({ method: 'GET', path: '/client_sessions/get', headers: bearer(d.cst) }),
    fake: () => ({ method: 'GET', path: '/client_sessions/get', headers: bearer(FAKE_CST) }),
  },
  {
    name: 'api_key_get',
    label: 'client_sessions/get, API key, by user key',
    latchkey: (d) => ({
      method: 'GET',
      path: `/client_sessions/get?user_identifier_key=${d.userIdentifierKey}`,
      headers: bearer(d.apiKey),
    }),
    fake: () => ({ method: 'GET', path: `/client_sessions/get?user_identifier_key=${FAKE_USER_KEY}`, headers: bearer(FAKE_API_KEY) }),
  },
  {
    name: 'create',
    label: 'client_sessions/create (PUT, new keys)',
    latchkey: (d) => ({ method: 'PUT', path: '/client_sessions/create', headers: bearer(d.apiKey), body: newKeyBody }),
    fake: () => ({ method: 'PUT', path: '/client_sessions/create', headers: bearer(FAKE_API_KEY), body: newKeyBody }),
  },
  {
    name: 'get_or_create',
    label: 'client_sessions/get_or_create, existing key',
    latchkey: (d) => ({
      method: 'POST',
      path: '/client_sessions/get_or_create',
      headers: bearer(d.apiKey),
      body: JSON.stringify({ user_identifier_key: d.userIdentifierKey }),
    }),
    fake: () => ({
      method: 'POST',
      path: '/client_sessions/get_or_create',
      headers: bearer(FAKE_API_KEY),
      body: JSON.stringify({ user_identifier_key: FAKE_USER_KEY }),
    }),
  },
  {
    name: 'list_100',
    label: 'client_sessions/list, 100 sessions',
    latchkey: (d) => ({ method: 'GET', path: '/client_sessions/list?limit=100', headers: bearer(d.apiKey) }),
    fake: () => ({ method: 'GET', path: '/client_sessions/list', headers: bearer(FAKE_API_KEY) }),
  },
  // The same writes in a workspace without a webhook and in one with a webhook receiving every
  // event: a delivery must not slow the request that recorded its event.
  { name: 'unlock_door', label: 'locks/unlock_door, no webhook', latchkey: unlock(false) },
  { name: 'unlock_door_webhook', label: 'locks/unlock_door, a webhook receiving it', latchkey: unlock(true) },
  { name: 'delete', label: 'client_sessions/delete, no webhook', latchkey: remove(false) },
  { name: 'delete_webhook', label: 'client_sessions/delete, a webhook receiving it', latchkey: remove(true) },
  {
    name: 'devices_list',
    label: 'devices/list, CST (3 locks in scope)',
    latchkey: (d) => ({ method: 'POST', path: '/devices/list', headers: bearer(d.cst), body: '{}' }),
    fake: () => ({ method: 'POST', path: '/devices/list', headers: bearer(FAKE_CST), body: '{}' }),
  },
]

/**
 * Scenarios measured together, their rounds interleaved: each write scenario with its webhook
 * twin, so the webhook's cost is compared within one stretch of the machine's time. Others alone.
 */
export const groupsOf = (scenarios: Scenario[]): Scenario[][] => {
  const groups: Scenario[][] = []
  for (const scenario of scenarios) {
    const twin = groups.find((group) =>
      group.some((other) => other.name === `${scenario.name}_webhook` || scenario.name === `${other.name}_webhook`),
    )
    if (twin === undefined) groups.push([scenario])
    else twin.push(scenario)
  }
  return groups
}
