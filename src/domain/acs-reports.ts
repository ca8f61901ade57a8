import { createHash } from 'node:crypto'

import { invalidField } from '../contract/api-error.ts'
import { optional } from '../store/optional.ts'
import type { AcsReportedEncoder, AcsReportedEntrance, AcsSystemRecord } from '../store/records.ts'

/** Seam's hotek_metadata of a reported entrance: a room, or a common area (with its name, when it has one). */
export interface HotekEntranceMetadata {
  room_number?: string | undefined
  common_area_number?: string | undefined
  common_area_name?: string | undefined
}

/**
 * A name-based (version 5 style) UUID of `name` within the system: a report names its entrances
 * and encoders by their numbers, never by Seam ids, so the id is derived from the number and a
 * later report of the same number lands on the same row (the primary key, no lookup by metadata).
 */
const idWithin = (acsSystemId: string, name: string): string => {
  const hash = createHash('sha1')
    .update(Buffer.from(acsSystemId.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest()
  hash.writeUInt8((hash.readUInt8(6) & 0x0f) | 0x50, 6)
  hash.writeUInt8((hash.readUInt8(8) & 0x3f) | 0x80, 8)
  const hex = hash.subarray(0, 16).toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/**
 * A reported entrance as the store keeps it: a room (`Room 101`) or a common area (its name, else
 * `Common Area 5`), opened by cards (Hotek encodes key cards), its hotek_metadata as reported.
 * 400 when it names neither a room nor a common area, or both, or a common area's name without its number.
 */
export const reportedEntrance = (
  system: AcsSystemRecord,
  index: number,
  metadata: HotekEntranceMetadata,
  isRemoved: boolean,
  at: string,
): AcsReportedEntrance => {
  const field = `acs_entrances.${index}.hotek_metadata`
  const { room_number: room, common_area_number: area, common_area_name: areaName } = metadata
  if (room === undefined && area === undefined) throw invalidField(field, 'an entrance needs a room_number or a common_area_number')
  if (room !== undefined && area !== undefined) throw invalidField(field, 'an entrance is a room or a common area, not both')
  if (room !== undefined && areaName !== undefined) throw invalidField(`${field}.common_area_name`, 'a room has no common_area_name')
  const name = room !== undefined ? `hotek entrance room ${room}` : `hotek entrance common area ${area ?? ''}`
  return {
    isRemoved,
    entrance: {
      acsEntranceId: idWithin(system.acsSystemId, name),
      workspaceId: system.workspaceId,
      acsSystemId: system.acsSystemId,
      connectedAccountId: system.connectedAccountId,
      displayName: room !== undefined ? `Room ${room}` : (areaName ?? `Common Area ${area ?? ''}`),
      canUnlockWithCard: true,
      canUnlockWithCode: false,
      canUnlockWithMobileKey: false,
      canUnlockWithCloudKey: false,
      isLocked: null,
      providerMetadata: {
        hotek_metadata: optional({ room_number: room, common_area_number: area, common_area_name: areaName }),
      },
      createdAt: at,
    },
  }
}

/** A reported encoder as the store keeps it, named by its number (`Encoder 1`). */
export const reportedEncoder = (system: AcsSystemRecord, encoderNumber: string, isRemoved: boolean, at: string): AcsReportedEncoder => ({
  isRemoved,
  encoder: {
    acsEncoderId: idWithin(system.acsSystemId, `hotek encoder ${encoderNumber}`),
    workspaceId: system.workspaceId,
    acsSystemId: system.acsSystemId,
    connectedAccountId: system.connectedAccountId,
    displayName: `Encoder ${encoderNumber}`,
    createdAt: at,
  },
})
