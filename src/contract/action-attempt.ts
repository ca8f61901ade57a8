import { z } from 'zod'

type ActionType =
  | 'LOCK_DOOR'
  | 'UNLOCK_DOOR'
  | 'CREATE_ACCESS_CODE'
  | 'UPDATE_ACCESS_CODE'
  | 'DELETE_ACCESS_CODE'
  | 'SIMULATE_KEYPAD_CODE_ENTRY'
  | 'SIMULATE_MANUAL_LOCK_VIA_KEYPAD'
  | 'CONFIGURE_AUTO_LOCK'
  | 'RESET_SANDBOX_WORKSPACE'
  | 'CREATE_NOISE_THRESHOLD'
  | 'UPDATE_NOISE_THRESHOLD'
  | 'DELETE_NOISE_THRESHOLD'
  | 'SET_HVAC_MODE'
  | 'SET_FAN_MODE'
  | 'ACTIVATE_CLIMATE_PRESET'
  | 'PUSH_THERMOSTAT_PROGRAMS'

const attemptOf = <T extends ActionType>(actionType: T) =>
  z.object({
    action_attempt_id: z.uuid(),
    action_type: z.literal(actionType),
    status: z.enum(['pending', 'success', 'error']),
    result: z.record(z.string(), z.unknown()).nullable(),
    error: z.object({ type: z.string(), message: z.string() }).nullable(),
  })

/**
 * A request to a device and its outcome (`@seamapi/types` action_attempt). One variant per action
 * type, as Seam's document describes it: Seam's CLI reads the action types from these variants.
 */
export const actionAttemptSchema = z.discriminatedUnion('action_type', [
  attemptOf('LOCK_DOOR'),
  attemptOf('UNLOCK_DOOR'),
  attemptOf('CREATE_ACCESS_CODE'),
  attemptOf('UPDATE_ACCESS_CODE'),
  attemptOf('DELETE_ACCESS_CODE'),
  attemptOf('SIMULATE_KEYPAD_CODE_ENTRY'),
  attemptOf('SIMULATE_MANUAL_LOCK_VIA_KEYPAD'),
  attemptOf('CONFIGURE_AUTO_LOCK'),
  attemptOf('RESET_SANDBOX_WORKSPACE'),
  attemptOf('CREATE_NOISE_THRESHOLD'),
  attemptOf('UPDATE_NOISE_THRESHOLD'),
  attemptOf('DELETE_NOISE_THRESHOLD'),
  attemptOf('SET_HVAC_MODE'),
  attemptOf('SET_FAN_MODE'),
  attemptOf('ACTIVATE_CLIMATE_PRESET'),
  attemptOf('PUSH_THERMOSTAT_PROGRAMS'),
])
