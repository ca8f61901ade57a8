// Runs in Chromium: Seam Components 4.14.2, as published, pointed at Latchkey.
import '@seamapi/react/index.css'

import { DeviceTable, SeamProvider } from '@seamapi/react'
import { createElement } from 'react'
import { createRoot } from 'react-dom/client'

const params = new URLSearchParams(location.search)
const endpoint = params.get('endpoint') ?? ''
const clientSessionToken = params.get('token') ?? ''

// Seam Components 4.14.2 cannot take an `endpoint` prop (it throws upstream); the SDK inside
// reads SEAM_ENDPOINT from globalThis.process.env, which works in a browser when set first.
Object.assign(globalThis, { process: { env: { SEAM_ENDPOINT: endpoint } } })

const root = document.getElementById('root')
if (root === null) throw new Error('no #root')
createRoot(root).render(
  createElement(
    SeamProvider,
    // The stylesheet and fonts are bundled with the page; injecting them would fetch them from Seam.
    // Telemetry goes to Seam's own host unless the `endpoint` prop is given, which 4.14.2 cannot take.
    { clientSessionToken, disableCssInjection: true, disableFontInjection: true, disableTelemetry: true },
    createElement(DeviceTable, {}),
  ),
)
