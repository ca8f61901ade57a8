// Runs in Chromium: Seam Components 4.14.2's SupportedDeviceTable, as published, pointed at Latchkey.
import '@seamapi/react/index.css'

import { SeamProvider, SupportedDeviceTable, type SupportedDeviceTableProps } from '@seamapi/react'
import { createElement, type FunctionComponent } from 'react'
import { createRoot } from 'react-dom/client'

const params = new URLSearchParams(location.search)
const endpoint = params.get('endpoint') ?? ''
const clientSessionToken = params.get('token') ?? ''
// The table's own props, as a page would set them: manufacturers to leave out, by display name.
const excludedManufacturers = params.getAll('exclude')

// As in components-page.ts: 4.14.2 takes no `endpoint` prop; its SDK reads SEAM_ENDPOINT.
Object.assign(globalThis, { process: { env: { SEAM_ENDPOINT: endpoint } } })

const root = document.getElementById('root')
if (root === null) throw new Error('no #root')
createRoot(root).render(
  createElement(
    SeamProvider,
    { clientSessionToken, disableCssInjection: true, disableFontInjection: true, disableTelemetry: true },
    // Its parameter is optional (`props = {}`), which createElement's types read as taking no props.
    createElement(SupportedDeviceTable as FunctionComponent<SupportedDeviceTableProps>, { excludedManufacturers }),
  ),
)
