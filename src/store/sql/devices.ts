import { type SqlBool, sql } from 'kysely'

import { toDevice } from './resource-rows.ts'
import { inScope } from './scope.ts'
import type { Store } from '../store.ts'
import type { Engine } from './engine.ts'
import type { SqlFlavor } from './flavor.ts'
import { narrowList } from './list-filter.ts'
import { pageOf } from './paging.ts'

/** What a device search looks at: its id and its name. */
const DEVICE_SEARCH = ['device_id', 'display_name']

/** The device's `properties.manufacturer`, read from the JSON text the row keeps. */
const storedManufacturer = (flavor: SqlFlavor) => flavor.jsonTextField('properties', 'manufacturer')

export const deviceVerbs = (engine: Engine, flavor: SqlFlavor): Pick<Store, 'getDevice' | 'listDevices'> => {
  const { db } = engine
  return {
    async getDevice(scope, deviceId) {
      // An unmanaged device answers only in devices/unmanaged/* (listDevices with `unmanaged`).
      const query = db
        .selectFrom('devices')
        .selectAll()
        .where('workspace_id', '=', scope.workspaceId)
        .where('device_id', '=', deviceId)
        .where('is_managed', '=', 1)
      const row = await inScope(query, 'device', scope).executeTakeFirst()
      return row && toDevice(row)
    },

    async listDevices(scope, filter, page) {
      // An empty id filter matches nothing (and `IN ()` is not valid SQL).
      if (filter.connectedAccountIds?.length === 0 || filter.deviceIds?.length === 0 || filter.deviceTypes?.length === 0) {
        return { items: [], hasNextPage: false }
      }
      let query = db
        .selectFrom('devices')
        .selectAll()
        .where('workspace_id', '=', scope.workspaceId)
        .where('is_managed', '=', filter.unmanaged === true ? 0 : 1)
      if (filter.connectedAccountIds !== undefined) query = query.where('connected_account_id', 'in', filter.connectedAccountIds)
      if (filter.deviceIds !== undefined) query = query.where('device_id', 'in', filter.deviceIds)
      if (filter.deviceTypes !== undefined) query = query.where('device_type', 'in', filter.deviceTypes)
      if (filter.name !== undefined) query = query.where('display_name', '=', filter.name)
      if (filter.locksOnly === true) query = query.where(sql<SqlBool>`device_type LIKE '%\\_lock' ESCAPE '\\'`)
      if (filter.manufacturer !== undefined) {
        const { name, defaultForTypes } = filter.manufacturer
        const stored = storedManufacturer(flavor)
        const byModel = defaultForTypes.length === 0 ? sql`1 = 0` : sql`device_type IN (${sql.join(defaultForTypes)})`
        query = query.where(sql<SqlBool>`(${stored} = ${name} OR (${stored} IS NULL AND ${byModel}))`)
      }
      if (filter.connectWebviewId !== undefined) {
        query = query.where(
          sql<SqlBool>`connected_account_id IN (SELECT w.connected_account_id FROM connect_webviews w
            WHERE w.connect_webview_id = ${filter.connectWebviewId} AND w.workspace_id = ${scope.workspaceId})`,
        )
      }
      return pageOf(engine, narrowList(query, 'device', scope, filter, DEVICE_SEARCH), 'device_id', page, toDevice)
    },
  }
}
