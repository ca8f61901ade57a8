// Seam Components with the client session token the backend minted: the device table, and for
// the device picked in it, its details (with the lock control) and its access codes.
import '@seamapi/react/index.css'

import { AccessCodeTable, DeviceDetails, DeviceTable, SeamProvider } from '@seamapi/react'
import { useState } from 'react'
import { createRoot } from 'react-dom/client'

import { fetchClientSession } from './session.ts'

const { token, endpoint } = await fetchClientSession()

// Seam Components 4.14.2 cannot take an `endpoint` prop (with it they show "Sorry, no devices
// were found" and make no request); the SDK inside reads SEAM_ENDPOINT from
// globalThis.process.env, which works in a browser when set before the provider renders.
Object.assign(globalThis, { process: { env: { SEAM_ENDPOINT: endpoint } } })

const Devices = () => {
  const [deviceId, setDeviceId] = useState<string | null>(null)
  return (
    <>
      <DeviceTable onDeviceClick={setDeviceId} preventDefaultOnDeviceClick />
      {deviceId !== null && (
        <section>
          <DeviceDetails deviceId={deviceId} onBack={() => setDeviceId(null)} />
          <AccessCodeTable deviceId={deviceId} />
        </section>
      )}
    </>
  )
}

const root = document.getElementById('root')
if (root === null) throw new Error('no #root')
createRoot(root).render(
  // Telemetry off, and the stylesheet and fonts come from this bundle: without these the page
  // would send events to, and load fonts from, Seam's hosted service.
  <SeamProvider clientSessionToken={token} disableTelemetry disableCssInjection disableFontInjection>
    <Devices />
  </SeamProvider>,
)
