import type { AnyRoute } from '../http/route.ts'
import createAccessCode from './access_codes/create.ts'
import deleteAccessCode from './access_codes/delete.ts'
import generateCode from './access_codes/generate_code.ts'
import getAccessCode from './access_codes/get.ts'
import listAccessCodes from './access_codes/list.ts'
import updateAccessCode from './access_codes/update.ts'
import getActionAttempt from './action_attempts/get.ts'
import listActionAttempts from './action_attempts/list.ts'
import create from './client_sessions/create.ts'
import deleteSession from './client_sessions/delete.ts'
import get from './client_sessions/get.ts'
import getOrCreate from './client_sessions/get_or_create.ts'
import grantAccess from './client_sessions/grant_access.ts'
import list from './client_sessions/list.ts'
import revoke from './client_sessions/revoke.ts'
import createWebview from './connect_webviews/create.ts'
import deleteWebview from './connect_webviews/delete.ts'
import getWebview from './connect_webviews/get.ts'
import listWebviews from './connect_webviews/list.ts'
import deleteAccount from './connected_accounts/delete.ts'
import getAccount from './connected_accounts/get.ts'
import listAccounts from './connected_accounts/list.ts'
import getDevice from './devices/get.ts'
import listDevices from './devices/list.ts'
import listDeviceProviders from './devices/list_device_providers.ts'
import updateDevice from './devices/update.ts'
import getEvent from './events/get.ts'
import listEvents from './events/list.ts'
import getLock from './locks/get.ts'
import listLocks from './locks/list.ts'
import lockDoor from './locks/lock_door.ts'
import unlockDoor from './locks/unlock_door.ts'
import createIdentity from './user_identities/create.ts'
import deleteIdentity from './user_identities/delete.ts'
import getIdentity from './user_identities/get.ts'
import listIdentities from './user_identities/list.ts'
import createWebhook from './webhooks/create.ts'
import deleteWebhook from './webhooks/delete.ts'
import getWebhook from './webhooks/get.ts'
import listWebhooks from './webhooks/list.ts'
import updateWebhook from './webhooks/update.ts'
import createWorkspace from './workspaces/create.ts'
import getWorkspace from './workspaces/get.ts'
import listWorkspaces from './workspaces/list.ts'
import resetSandbox from './workspaces/reset_sandbox.ts'
import updateWorkspace from './workspaces/update.ts'

// Device simulation and unmanaged devices (contract §10).
import deleteDevice from './devices/delete.ts'
import reportProviderMetadata from './devices/report_provider_metadata.ts'
import simulateConnect from './devices/simulate/connect.ts'
import simulateConnectToHub from './devices/simulate/connect_to_hub.ts'
import simulateDisconnect from './devices/simulate/disconnect.ts'
import simulateDisconnectFromHub from './devices/simulate/disconnect_from_hub.ts'
import simulatePaidSubscription from './devices/simulate/paid_subscription.ts'
import simulateRemove from './devices/simulate/remove.ts'
import getUnmanagedDevice from './devices/unmanaged/get.ts'
import listUnmanagedDevices from './devices/unmanaged/list.ts'
import updateUnmanagedDevice from './devices/unmanaged/update.ts'
import simulateAccountDisconnect from './connected_accounts/simulate/disconnect.ts'
import syncAccount from './connected_accounts/sync.ts'
import updateAccount from './connected_accounts/update.ts'
import createMultipleAccessCodes from './access_codes/create_multiple.ts'
import pullBackupAccessCode from './access_codes/pull_backup_access_code.ts'
import reportDeviceConstraints from './access_codes/report_device_constraints.ts'
import createUnmanagedAccessCode from './access_codes/simulate/create_unmanaged_access_code.ts'
import convertUnmanagedToManaged from './access_codes/unmanaged/convert_to_managed.ts'
import deleteUnmanagedAccessCode from './access_codes/unmanaged/delete.ts'
import getUnmanagedAccessCode from './access_codes/unmanaged/get.ts'
import listUnmanagedAccessCodes from './access_codes/unmanaged/list.ts'
import updateUnmanagedAccessCode from './access_codes/unmanaged/update.ts'
import updateMultipleAccessCodes from './access_codes/update_multiple.ts'
import configureAutoLock from './locks/configure_auto_lock.ts'
import simulateKeypadCodeEntry from './locks/simulate/keypad_code_entry.ts'
import simulateManualLockViaKeypad from './locks/simulate/manual_lock_via_keypad.ts'
import listThermostats from './thermostats/list.ts'
// Noise sensors.
import listNoiseSensors from './noise_sensors/list.ts'
import createNoiseThreshold from './noise_sensors/noise_thresholds/create.ts'
import deleteNoiseThreshold from './noise_sensors/noise_thresholds/delete.ts'
import getNoiseThreshold from './noise_sensors/noise_thresholds/get.ts'
import listNoiseThresholds from './noise_sensors/noise_thresholds/list.ts'
import updateNoiseThreshold from './noise_sensors/noise_thresholds/update.ts'
import simulateTriggerNoiseThreshold from './noise_sensors/simulate/trigger_noise_threshold.ts'
// Seam's device database (DEVICEDB_ROUTES below).
import getDeviceModel from './internal/devicedb/v1/device_models/get.ts'
import listDeviceModels from './internal/devicedb/v1/device_models/list.ts'
import getManufacturer from './internal/devicedb/v1/manufacturers/get.ts'
import listManufacturers from './internal/devicedb/v1/manufacturers/list.ts'
import heatThermostat from './thermostats/heat.ts'
import coolThermostat from './thermostats/cool.ts'
import heatCoolThermostat from './thermostats/heat_cool.ts'
import offThermostat from './thermostats/off.ts'
import setHvacMode from './thermostats/set_hvac_mode.ts'
import setFanMode from './thermostats/set_fan_mode.ts'
import setTemperatureThreshold from './thermostats/set_temperature_threshold.ts'
import createClimatePreset from './thermostats/create_climate_preset.ts'
import updateClimatePreset from './thermostats/update_climate_preset.ts'
import deleteClimatePreset from './thermostats/delete_climate_preset.ts'
import activateClimatePreset from './thermostats/activate_climate_preset.ts'
import setFallbackClimatePreset from './thermostats/set_fallback_climate_preset.ts'
import simulateHvacModeAdjusted from './thermostats/simulate/hvac_mode_adjusted.ts'
import simulateTemperatureReached from './thermostats/simulate/temperature_reached.ts'

// Thermostat schedules, daily programs and the weekly program.
import createThermostatSchedule from './thermostats/schedules/create.ts'
import getThermostatSchedule from './thermostats/schedules/get.ts'
import listThermostatSchedules from './thermostats/schedules/list.ts'
import updateThermostatSchedule from './thermostats/schedules/update.ts'
import deleteThermostatSchedule from './thermostats/schedules/delete.ts'
import createDailyProgram from './thermostats/daily_programs/create.ts'
import updateDailyProgram from './thermostats/daily_programs/update.ts'
import deleteDailyProgram from './thermostats/daily_programs/delete.ts'
import updateWeeklyProgram from './thermostats/update_weekly_program.ts'
// User identities' access, phones and instant keys.
import updateUserIdentity from './user_identities/update.ts'
import addAcsUserToIdentity from './user_identities/add_acs_user.ts'
import removeAcsUserFromIdentity from './user_identities/remove_acs_user.ts'
import listIdentityAcsSystems from './user_identities/list_acs_systems.ts'
import listIdentityAcsUsers from './user_identities/list_acs_users.ts'
import listIdentityAccessibleDevices from './user_identities/list_accessible_devices.ts'
import listIdentityAccessibleEntrances from './user_identities/list_accessible_entrances.ts'
import grantIdentityAccessToDevice from './user_identities/grant_access_to_device.ts'
import revokeIdentityAccessToDevice from './user_identities/revoke_access_to_device.ts'
import generateInstantKey from './user_identities/generate_instant_key.ts'
import getUnmanagedUserIdentity from './user_identities/unmanaged/get.ts'
import listUnmanagedUserIdentities from './user_identities/unmanaged/list.ts'
import updateUnmanagedUserIdentity from './user_identities/unmanaged/update.ts'
import getPhone from './phones/get.ts'
import listPhones from './phones/list.ts'
import deactivatePhone from './phones/deactivate.ts'
import createSandboxPhone from './phones/simulate/create_sandbox_phone.ts'
import getInstantKey from './instant_keys/get.ts'
import listInstantKeys from './instant_keys/list.ts'
import deleteInstantKey from './instant_keys/delete.ts'
// Access control (acs/*).
import acsSystemsGet from './acs/systems/get.ts'
import acsSystemsList from './acs/systems/list.ts'
import acsSystemsListCompatibleCredentialManagerAcsSystems from './acs/systems/list_compatible_credential_manager_acs_systems.ts'
import acsUsersAddToAccessGroup from './acs/users/add_to_access_group.ts'
import acsUsersCreate from './acs/users/create.ts'
import acsUsersDelete from './acs/users/delete.ts'
import acsUsersGet from './acs/users/get.ts'
import acsUsersList from './acs/users/list.ts'
import acsUsersListAccessibleEntrances from './acs/users/list_accessible_entrances.ts'
import acsUsersRemoveFromAccessGroup from './acs/users/remove_from_access_group.ts'
import acsUsersRevokeAccessToAllEntrances from './acs/users/revoke_access_to_all_entrances.ts'
import acsUsersSuspend from './acs/users/suspend.ts'
import acsUsersUnsuspend from './acs/users/unsuspend.ts'
import acsUsersUpdate from './acs/users/update.ts'
import acsAccessGroupsAddUser from './acs/access_groups/add_user.ts'
import acsAccessGroupsDelete from './acs/access_groups/delete.ts'
import acsAccessGroupsGet from './acs/access_groups/get.ts'
import acsAccessGroupsList from './acs/access_groups/list.ts'
import acsAccessGroupsListAccessibleEntrances from './acs/access_groups/list_accessible_entrances.ts'
import acsAccessGroupsListUsers from './acs/access_groups/list_users.ts'
import acsAccessGroupsRemoveUser from './acs/access_groups/remove_user.ts'
import acsEntrancesGet from './acs/entrances/get.ts'
import acsEntrancesGrantAccess from './acs/entrances/grant_access.ts'
import acsEntrancesList from './acs/entrances/list.ts'
import acsEntrancesListCredentialsWithAccess from './acs/entrances/list_credentials_with_access.ts'
// Access control: reports of on-premise systems.
import acsSystemsReportDevices from './acs/systems/report_devices.ts'

// Access control: credentials, card encoders, remote unlock.
import createAcsCredential from './acs/credentials/create.ts'
import getAcsCredential from './acs/credentials/get.ts'
import listAcsCredentials from './acs/credentials/list.ts'
import updateAcsCredential from './acs/credentials/update.ts'
import deleteAcsCredential from './acs/credentials/delete.ts'
import assignAcsCredential from './acs/credentials/assign.ts'
import unassignAcsCredential from './acs/credentials/unassign.ts'
import listAcsCredentialEntrances from './acs/credentials/list_accessible_entrances.ts'
import getAcsEncoder from './acs/encoders/get.ts'
import listAcsEncoders from './acs/encoders/list.ts'
import encodeAcsCredential from './acs/encoders/encode_credential.ts'
import scanAcsCredential from './acs/encoders/scan_credential.ts'
import scanToAssignAcsCredential from './acs/encoders/scan_to_assign_credential.ts'
import simulateEncodeWillSucceed from './acs/encoders/simulate/next_credential_encode_will_succeed.ts'
import simulateEncodeWillFail from './acs/encoders/simulate/next_credential_encode_will_fail.ts'
import simulateScanWillSucceed from './acs/encoders/simulate/next_credential_scan_will_succeed.ts'
import simulateScanWillFail from './acs/encoders/simulate/next_credential_scan_will_fail.ts'
import unlockAcsEntrance from './acs/entrances/unlock.ts'

/** Every API route; the app mounts these and the OpenAPI document describes exactly these. */
export const ROUTES = [
  create,
  get,
  getOrCreate,
  list,
  grantAccess,
  revoke,
  deleteSession,
  getWorkspace,
  listWorkspaces,
  createWorkspace,
  createWebhook,
  getWebhook,
  listWebhooks,
  updateWebhook,
  deleteWebhook,
  createWebview,
  getWebview,
  listWebviews,
  deleteWebview,
  getAccount,
  listAccounts,
  deleteAccount,
  getDevice,
  listDevices,
  updateDevice,
  listDeviceProviders,
  getLock,
  listLocks,
  lockDoor,
  unlockDoor,
  getActionAttempt,
  listActionAttempts,
  createAccessCode,
  getAccessCode,
  listAccessCodes,
  updateAccessCode,
  deleteAccessCode,
  generateCode,
  createIdentity,
  getIdentity,
  listIdentities,
  deleteIdentity,
  getEvent,
  listEvents,
  // Device simulation and unmanaged devices (contract §10).
  simulateConnect,
  simulateDisconnect,
  simulateRemove,
  simulateConnectToHub,
  simulateDisconnectFromHub,
  simulatePaidSubscription,
  getUnmanagedDevice,
  listUnmanagedDevices,
  updateUnmanagedDevice,
  reportProviderMetadata,
  deleteDevice,
  simulateAccountDisconnect,
  updateAccount,
  syncAccount,
  // Keypad simulation, auto-lock, unmanaged and linked access codes.
  simulateKeypadCodeEntry,
  simulateManualLockViaKeypad,
  configureAutoLock,
  createUnmanagedAccessCode,
  getUnmanagedAccessCode,
  listUnmanagedAccessCodes,
  updateUnmanagedAccessCode,
  deleteUnmanagedAccessCode,
  convertUnmanagedToManaged,
  createMultipleAccessCodes,
  updateMultipleAccessCodes,
  pullBackupAccessCode,
  reportDeviceConstraints,
  updateWorkspace,
  resetSandbox,
  // Thermostat schedules, daily programs and the weekly program.
  createThermostatSchedule,
  getThermostatSchedule,
  listThermostatSchedules,
  updateThermostatSchedule,
  deleteThermostatSchedule,
  createDailyProgram,
  updateDailyProgram,
  deleteDailyProgram,
  updateWeeklyProgram,
  // Thermostats: climate settings and presets.
  listThermostats,
  // Noise sensors.
  listNoiseSensors,
  createNoiseThreshold,
  getNoiseThreshold,
  listNoiseThresholds,
  updateNoiseThreshold,
  deleteNoiseThreshold,
  simulateTriggerNoiseThreshold,
  heatThermostat,
  coolThermostat,
  heatCoolThermostat,
  offThermostat,
  setHvacMode,
  setFanMode,
  setTemperatureThreshold,
  createClimatePreset,
  updateClimatePreset,
  deleteClimatePreset,
  activateClimatePreset,
  setFallbackClimatePreset,
  simulateHvacModeAdjusted,
  simulateTemperatureReached,
  // Access control: credentials, card encoders, remote unlock.
  createAcsCredential,
  getAcsCredential,
  listAcsCredentials,
  updateAcsCredential,
  deleteAcsCredential,
  assignAcsCredential,
  unassignAcsCredential,
  listAcsCredentialEntrances,
  getAcsEncoder,
  listAcsEncoders,
  encodeAcsCredential,
  scanAcsCredential,
  scanToAssignAcsCredential,
  simulateEncodeWillSucceed,
  simulateEncodeWillFail,
  simulateScanWillSucceed,
  simulateScanWillFail,
  unlockAcsEntrance,
  // User identities' access, phones and instant keys.
  updateUserIdentity,
  addAcsUserToIdentity,
  removeAcsUserFromIdentity,
  listIdentityAcsSystems,
  listIdentityAcsUsers,
  listIdentityAccessibleDevices,
  listIdentityAccessibleEntrances,
  grantIdentityAccessToDevice,
  revokeIdentityAccessToDevice,
  generateInstantKey,
  getUnmanagedUserIdentity,
  listUnmanagedUserIdentities,
  updateUnmanagedUserIdentity,
  getPhone,
  listPhones,
  deactivatePhone,
  createSandboxPhone,
  getInstantKey,
  listInstantKeys,
  deleteInstantKey,
  // Access control (acs/*).
  acsSystemsGet,
  acsSystemsList,
  acsSystemsListCompatibleCredentialManagerAcsSystems,
  acsUsersAddToAccessGroup,
  acsUsersCreate,
  acsUsersDelete,
  acsUsersGet,
  acsUsersList,
  acsUsersListAccessibleEntrances,
  acsUsersRemoveFromAccessGroup,
  acsUsersRevokeAccessToAllEntrances,
  acsUsersSuspend,
  acsUsersUnsuspend,
  acsUsersUpdate,
  acsAccessGroupsAddUser,
  acsAccessGroupsDelete,
  acsAccessGroupsGet,
  acsAccessGroupsList,
  acsAccessGroupsListAccessibleEntrances,
  acsAccessGroupsListUsers,
  acsAccessGroupsRemoveUser,
  acsEntrancesGet,
  acsEntrancesGrantAccess,
  acsEntrancesList,
  acsEntrancesListCredentialsWithAccess,
  // Access control: reports of on-premise systems.
  acsSystemsReportDevices,
] as unknown as AnyRoute[]

/**
 * Seam's device database, as Seam Components' SupportedDeviceTable reads it: served beside the API
 * routes, but not part of Seam's connect document, so kept out of ROUTES (which is compared with it).
 */
export const DEVICEDB_ROUTES = [listManufacturers, getManufacturer, listDeviceModels, getDeviceModel] as unknown as AnyRoute[]

/** What the app mounts: the API routes and the device database's. */
export const SERVED_ROUTES: readonly AnyRoute[] = [...ROUTES, ...DEVICEDB_ROUTES]
