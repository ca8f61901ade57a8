import { type AcsSite, acsSeedOf } from '../acs-site.ts'
import { type SampleUser, type SandboxProvider } from './provider.ts'

// Seam's sandbox Salto KS login: jane@example.com, password 1234. Seam does not document what the
// sandbox site holds; the site below is Latchkey's (docs/webviews.md). john@example.com (same
// password, a smaller site) is Latchkey's own.
const PASSWORD = '1234'

const LOGO =
  'data:image/svg+xml;base64,' +
  Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect x="8" y="8" width="48" height="48" rx="10" fill="#fef3c7" stroke="#b45309" stroke-width="3"/><text x="32" y="40" font-size="20" text-anchor="middle" font-family="sans-serif" fill="#b45309">KS</text></svg>',
  ).toString('base64')

/** A Salto KS door: PIN code, card, mobile key and remote (cloud) unlock. */
const door = (name: string) => ({
  name,
  card: true,
  code: true,
  mobileKey: true,
  cloudKey: true,
  metadata: {
    salto_ks_metadata: {
      door_name: name,
      lock_type: 'wall_reader',
      locked_state: 'locked',
      online: true,
      battery_level: 'high',
      intrusion_alarm: false,
      left_open_alarm: false,
      privacy_mode: false,
    },
  },
})

const KS = { externalType: 'salto_ks_site', userExternalType: 'salto_site_user', groupExternalType: 'salto_ks_access_group' }

const JANE_SITE: AcsSite = {
  ...KS,
  name: 'Downtown Office',
  timeZone: 'America/Los_Angeles',
  entrances: [door('Front Door'), door('Office'), door('Storage Room')],
  groups: [
    { name: 'Employees', entrances: ['Front Door', 'Office'] },
    { name: 'Managers', entrances: ['Front Door', 'Office', 'Storage Room'] },
  ],
  users: [
    { fullName: 'Alice Andrews', email: 'alice@example.com', phoneNumber: '+15555550101', groups: ['Employees'] },
    { fullName: 'Bob Brown', email: 'bob@example.com', phoneNumber: null, groups: ['Managers'] },
  ],
  credentials: [
    {
      user: 'Alice Andrews',
      displayName: 'Alice PIN',
      accessMethod: 'code',
      externalType: 'salto_ks_credential',
      code: '123456',
      cardNumber: null,
    },
    {
      user: 'Bob Brown',
      displayName: 'Bob mobile key',
      accessMethod: 'mobile_key',
      externalType: 'salto_ks_credential',
      code: null,
      cardNumber: null,
    },
  ],
  encoders: [],
}

const JOHN_SITE: AcsSite = {
  ...KS,
  name: 'Corner Studio',
  timeZone: 'America/Chicago',
  entrances: [door('Studio Door')],
  groups: [{ name: 'Members', entrances: ['Studio Door'] }],
  users: [{ fullName: 'Carol Clark', email: 'carol@example.com', phoneNumber: null, groups: ['Members'] }],
  credentials: [
    {
      user: 'Carol Clark',
      displayName: 'Carol PIN',
      accessMethod: 'code',
      externalType: 'salto_ks_credential',
      code: '246810',
      cardNumber: null,
    },
  ],
  encoders: [],
}

const SITES: Readonly<Record<string, AcsSite>> = { 'jane@example.com': JANE_SITE, 'john@example.com': JOHN_SITE }

const user = (email: string, displayName: string): SampleUser => ({
  email,
  password: PASSWORD,
  displayName,
  verificationCode: null,
  devices: [],
})

/** Salto KS: a cloud access control system; its doors take PIN codes, cards, mobile keys and remote unlocks. */
export const SALTO_KS: SandboxProvider = {
  key: 'salto_ks',
  deviceProvider: {
    device_provider_name: 'salto_ks',
    display_name: 'Salto KS',
    image_url: LOGO,
    provider_categories: ['access_control_systems'],
  },
  users: [user('jane@example.com', 'Jane Doe'), user('john@example.com', 'John Doe')],
  device() {
    throw new Error('Salto KS accounts hold no devices')
  },
  acs: (workspaceId, connectedAccountId, u, at) => acsSeedOf(SITES[u.email] ?? JANE_SITE, workspaceId, connectedAccountId, at),
}
