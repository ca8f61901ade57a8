import { type AcsSite, acsSeedOf } from '../acs-site.ts'
import { type SampleUser, type SandboxProvider } from './provider.ts'

// Seam's sandbox Salto Space login: Seam Bridge pairing token 123456, username jane, password
// 1234. Seam does not document what the sandbox site holds; the site below is Latchkey's
// (docs/webviews.md). `john` (same password and token, a smaller site) is Latchkey's own.
const PASSWORD = '1234'
const PAIRING_TOKEN = '123456'

const LOGO =
  'data:image/svg+xml;base64,' +
  Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect x="8" y="8" width="48" height="48" rx="10" fill="#e0f2fe" stroke="#0369a1" stroke-width="3"/><text x="32" y="40" font-size="20" text-anchor="middle" font-family="sans-serif" fill="#0369a1">SP</text></svg>',
  ).toString('base64')

/** A Salto Space door: by card and mobile key always, by cloud key where `remote` (no PIN codes in Salto Space). */
const door = (name: string, doorId: string, room: string, remote: boolean) => ({
  name,
  card: true,
  code: false,
  mobileKey: true,
  cloudKey: remote,
  metadata: {
    salto_space_metadata: {
      door_id: doorId,
      door_name: name,
      door_description: `${name} door`,
      room_name: room,
      room_description: room,
      audit_on_keys: true,
    },
  },
})

const SPACE = { externalType: 'salto_space_system', userExternalType: 'salto_space_user', groupExternalType: 'salto_space_group' }

const JANE_SITE: AcsSite = {
  ...SPACE,
  name: 'Grand Hotel',
  timeZone: 'Europe/Madrid',
  entrances: [
    door('Main Entrance', '1', 'Lobby', true),
    door('Room 101', '101', 'Room 101', false),
    door('Room 102', '102', 'Room 102', false),
    door('Gym', '201', 'Gym', true),
  ],
  groups: [
    { name: 'Guests', entrances: ['Main Entrance', 'Room 101', 'Room 102'] },
    { name: 'Staff', entrances: ['Main Entrance', 'Room 101', 'Room 102', 'Gym'] },
    { name: 'Gym Members', entrances: ['Main Entrance', 'Gym'] },
  ],
  users: [
    { fullName: 'John Guest', email: 'john.guest@example.com', phoneNumber: null, groups: ['Guests'] },
    { fullName: 'Maria Staff', email: 'maria.staff@example.com', phoneNumber: '+15555550100', groups: ['Staff'] },
  ],
  credentials: [
    {
      user: 'John Guest',
      displayName: 'John Guest card',
      accessMethod: 'card',
      externalType: 'salto_space_key',
      code: null,
      cardNumber: '0100234567',
    },
  ],
  encoders: ['Front Desk Encoder'],
}

const JOHN_SITE: AcsSite = {
  ...SPACE,
  name: 'Harbor Apartments',
  timeZone: 'America/New_York',
  entrances: [door('Building Entrance', '1', 'Entrance', true), door('Apartment 1A', '11', 'Apartment 1A', false)],
  groups: [{ name: 'Residents', entrances: ['Building Entrance', 'Apartment 1A'] }],
  users: [{ fullName: 'Ann Resident', email: 'ann@example.com', phoneNumber: null, groups: ['Residents'] }],
  credentials: [],
  encoders: ['Lobby Encoder'],
}

const SITES: Readonly<Record<string, AcsSite>> = { jane: JANE_SITE, john: JOHN_SITE }

const user = (username: string, displayName: string): SampleUser => ({
  email: username,
  password: PASSWORD,
  pairingToken: PAIRING_TOKEN,
  displayName,
  verificationCode: null,
  devices: [],
})

/** Salto Space: an on-premises access control system reached through Seam Bridge, hence the pairing token. */
export const SALTO_SPACE: SandboxProvider = {
  key: 'salto_space',
  deviceProvider: {
    device_provider_name: 'salto_space',
    display_name: 'Salto Space',
    image_url: LOGO,
    provider_categories: ['access_control_systems'],
  },
  users: [user('jane', 'Jane Doe'), user('john', 'John Doe')],
  signInFields: [
    { role: 'pairing_token', name: 'bridge_pairing_token', label: 'Seam Bridge pairing token', type: 'text' },
    { role: 'identifier', name: 'username', label: 'Username', type: 'text' },
    { role: 'password', name: 'password', label: 'Password', type: 'password' },
  ],
  device() {
    throw new Error('Salto Space accounts hold no devices')
  },
  acs: (workspaceId, connectedAccountId, u, at) => acsSeedOf(SITES[u.email] ?? JANE_SITE, workspaceId, connectedAccountId, at),
}
