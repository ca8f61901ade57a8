// The user's locks: each one's state and a button that locks or unlocks it.
import type { SeamHttp } from '@seamapi/http/connect'

type Lock = Awaited<ReturnType<SeamHttp['locks']['list']>>[number]

export const lockTable = (seam: SeamHttp, locks: Lock[], rerender: (done: Promise<unknown>) => void): HTMLTableElement => {
  const table = document.createElement('table')
  for (const lock of locks) {
    const row = table.insertRow()
    row.insertCell().textContent = lock.display_name
    const state = row.insertCell()
    state.textContent = lock.properties.locked ? 'Locked' : 'Unlocked'
    state.dataset.state = lock.device_id
    const action = document.createElement('button')
    action.textContent = lock.properties.locked ? `Unlock ${lock.display_name}` : `Lock ${lock.display_name}`
    action.addEventListener('click', () => {
      action.disabled = true
      // The SDK waits for the action attempt to finish before it resolves.
      rerender(
        lock.properties.locked ? seam.locks.unlockDoor({ device_id: lock.device_id }) : seam.locks.lockDoor({ device_id: lock.device_id }),
      )
    })
    row.insertCell().append(action)
  }
  return table
}
