import { z } from 'zod'

/** Every action an attempt may record, as Seam names them: the one list the wire schema and the store's records read. */
export const ACTION_TYPES = [
  'LOCK_DOOR',
  'UNLOCK_DOOR',
  'CREATE_ACCESS_CODE',
  'UPDATE_ACCESS_CODE',
  'DELETE_ACCESS_CODE',
  'SIMULATE_KEYPAD_CODE_ENTRY',
  'SIMULATE_MANUAL_LOCK_VIA_KEYPAD',
  'CONFIGURE_AUTO_LOCK',
  // workspaces/reset_sandbox: an attempt on the workspace, on no device.
  'RESET_SANDBOX_WORKSPACE',
  // Noise sensors (noise_sensors/noise_thresholds/*).
  'CREATE_NOISE_THRESHOLD',
  'UPDATE_NOISE_THRESHOLD',
  'DELETE_NOISE_THRESHOLD',
  // Thermostats: a climate change, a fan change, a preset made the setting, programs pushed.
  'SET_HVAC_MODE',
  'SET_FAN_MODE',
  'ACTIVATE_CLIMATE_PRESET',
  'PUSH_THERMOSTAT_PROGRAMS',
  // Card encoders (acs/encoders/*): an attempt on the encoder, on no device.
  'ENCODE_CREDENTIAL',
  'SCAN_CREDENTIAL',
  'SCAN_TO_ASSIGN_CREDENTIAL',
] as const

export type ActionType = (typeof ACTION_TYPES)[number]

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
export const actionAttemptSchema = z.discriminatedUnion(
  'action_type',
  ACTION_TYPES.map(attemptOf) as unknown as [ReturnType<typeof attemptOf<ActionType>>, ...ReturnType<typeof attemptOf<ActionType>>[]],
)
