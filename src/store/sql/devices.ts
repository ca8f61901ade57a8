import { toDevice } from './resource-rows.ts'
import { inScope } from './scope.ts'
import type { Store } from '../store.ts'
import type { Engine } from './engine.ts'
import { pageOf } from './paging.ts'

export const deviceVerbs = (engine: Engine): Pick<Store, 'getDevice' | 'listDevices'> => {
  const { db } = engine
  return {
    async getDevice(scope, deviceId) {
      const query = db.selectFrom('devices').selectAll().where('workspace_id', '=', scope.workspaceId).where('device_id', '=', deviceId)
      const row = await inScope(query, 'device', scope).executeTakeFirst()
      return row && toDevice(row)
    },

    async listDevices(scope, filter, page) {
      // An empty id filter matches nothing (and `IN ()` is not valid SQL).
      if (filter.connectedAccountIds?.length === 0 || filter.deviceIds?.length === 0) return { items: [], hasNextPage: false }
      let query = db.selectFrom('devices').selectAll().where('workspace_id', '=', scope.workspaceId)
      if (filter.connectedAccountIds !== undefined) query = query.where('connected_account_id', 'in', filter.connectedAccountIds)
      if (filter.deviceIds !== undefined) query = query.where('device_id', 'in', filter.deviceIds)
      return pageOf(engine, inScope(query, 'device', scope), 'device_id', page, toDevice)
    },
  }
}
