// The user's locks through Seam's SDK, with the client session token the backend minted: the
// token sees only what this user's session grants.
import { SeamHttp } from '@seamapi/http/connect'

import { fetchClientSession } from './session.ts'

const root = document.getElementById('root') as HTMLElement

const showError = (error: unknown) => {
  const message = document.createElement('p')
  message.role = 'alert'
  message.textContent = `Something went wrong: ${error instanceof Error ? error.message : String(error)}`
  root.append(message)
}

const render = async (seam: SeamHttp): Promise<void> => {
  const locks = (await seam.locks.list()).sort((a, b) => a.display_name.localeCompare(b.display_name))
  root.replaceChildren()
  const heading = document.createElement('h1')
  heading.textContent = locks.length === 0 ? 'No locks yet' : `Your locks (${locks.length})`
  root.append(heading)
  if (locks.length === 0) {
    // A webview created with the session's own token joins the session: the account connected
    // through it, and its devices, become this user's.
    const connect = document.createElement('button')
    connect.textContent = 'Connect a sandbox account'
    connect.addEventListener('click', () => {
      seam.connectWebviews
        // A locks page: the webview offers the lock provider only, so it opens on August's sign-in.
        .create({ accepted_providers: ['august'], custom_redirect_url: location.href })
        .then((webview) => location.assign(webview.url))
        .catch(showError)
    })
    root.append(connect)
    return
  }
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
      const done = lock.properties.locked
        ? seam.locks.unlockDoor({ device_id: lock.device_id })
        : seam.locks.lockDoor({ device_id: lock.device_id })
      done.then(() => render(seam)).catch(showError)
    })
    row.insertCell().append(action)
  }
  root.append(table)
}

try {
  const { token, endpoint } = await fetchClientSession()
  await render(SeamHttp.fromClientSessionToken(token, { endpoint }))
} catch (error) {
  showError(error)
}
