// The user's locks and thermostats through Seam's SDK, with the client session token the backend
// minted: the token sees only what this user's session grants.
import { SeamHttp } from '@seamapi/http/connect'

import { lockTable } from './lock-table.ts'
import { fetchClientSession } from './session.ts'
import { thermostatTable } from './thermostat-table.ts'

const root = document.getElementById('root') as HTMLElement

const showError = (error: unknown) => {
  const message = document.createElement('p')
  message.role = 'alert'
  message.textContent = `Something went wrong: ${error instanceof Error ? error.message : String(error)}`
  root.append(message)
}

const heading = (level: 'h1' | 'h2', text: string) => {
  const element = document.createElement(level)
  element.textContent = text
  return element
}

/**
 * A button that connects a sandbox account: a webview created with the session's own token joins
 * the session, so the account connected through it, and its devices, become this user's.
 */
const connectButton = (seam: SeamHttp, label: string) => {
  const connect = document.createElement('button')
  connect.textContent = label
  connect.addEventListener('click', () => {
    seam.connectWebviews
      .create({ custom_redirect_url: location.href })
      .then((webview) => location.assign(webview.url))
      .catch(showError)
  })
  return connect
}

const byName = <T extends { display_name: string }>(a: T, b: T) => a.display_name.localeCompare(b.display_name)

const render = async (seam: SeamHttp): Promise<void> => {
  const [locks, thermostats] = await Promise.all([seam.locks.list(), seam.thermostats.list()])
  locks.sort(byName)
  thermostats.sort(byName)
  // After an action the SDK has waited for, the page draws itself again from what the server says.
  const rerender = (done: Promise<unknown>): void => {
    done.then(() => render(seam)).catch(showError)
  }
  root.replaceChildren()
  if (locks.length === 0 && thermostats.length === 0) {
    root.append(heading('h1', 'No devices yet'), connectButton(seam, 'Connect a sandbox account'))
    return
  }
  root.append(heading('h1', 'Your devices'))
  root.append(heading('h2', locks.length === 0 ? 'No locks' : `Your locks (${locks.length})`))
  if (locks.length > 0) root.append(lockTable(seam, locks, rerender))
  root.append(heading('h2', thermostats.length === 0 ? 'No thermostats' : `Your thermostats (${thermostats.length})`))
  if (thermostats.length > 0) root.append(thermostatTable(seam, thermostats, rerender))
  root.append(connectButton(seam, 'Connect another account'))
}

try {
  const { token, endpoint } = await fetchClientSession()
  await render(SeamHttp.fromClientSessionToken(token, { endpoint }))
} catch (error) {
  showError(error)
}
