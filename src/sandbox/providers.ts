import { SANDBOX_LOCK_MODEL } from './lock-model.ts'

/**
 * The device providers the sandbox simulates, in Seam's `device_provider` shape: what
 * devices/list_device_providers answers. Its accounts' locks are August locks.
 */
export const SANDBOX_DEVICE_PROVIDERS = [
  {
    device_provider_name: SANDBOX_LOCK_MODEL.provider.device_provider_name,
    display_name: SANDBOX_LOCK_MODEL.provider.display_name,
    image_url: SANDBOX_LOCK_MODEL.provider.image_url,
    provider_categories: ['stable', 'consumer_smartlocks'],
    can_remotely_lock: true,
    can_remotely_unlock: true,
    can_program_online_access_codes: true,
    can_program_offline_access_codes: false,
    can_unlock_with_code: true,
  },
] as const
