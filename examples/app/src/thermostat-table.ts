// The user's thermostats: the room's temperature, what the thermostat is set to, and buttons
// that heat to a set point or turn the system off.
import type { SeamHttp } from '@seamapi/http/connect'

type Thermostat = Awaited<ReturnType<SeamHttp['thermostats']['list']>>[number]

/** What the thermostat is set to, as a person reads it: "Heat to 68 °F", "Off". */
export const settingText = (thermostat: Thermostat): string => {
  const setting = thermostat.properties.current_climate_setting
  switch (setting?.hvac_mode_setting) {
    case 'heat':
      return `Heat to ${setting.heating_set_point_fahrenheit} °F`
    case 'cool':
      return `Cool to ${setting.cooling_set_point_fahrenheit} °F`
    case 'heat_cool':
      return `Keep between ${setting.heating_set_point_fahrenheit} °F and ${setting.cooling_set_point_fahrenheit} °F`
    case 'off':
      return 'Off'
    default:
      return 'Unknown'
  }
}

const button = (label: string, onClick: () => void) => {
  const element = document.createElement('button')
  element.textContent = label
  element.addEventListener('click', () => {
    element.disabled = true
    onClick()
  })
  return element
}

/** The set point the heat button asks for. */
const COMFORT_FAHRENHEIT = 70

export const thermostatTable = (
  seam: SeamHttp,
  thermostats: Thermostat[],
  rerender: (done: Promise<unknown>) => void,
): HTMLTableElement => {
  const table = document.createElement('table')
  for (const thermostat of thermostats) {
    const row = table.insertRow()
    const name = thermostat.display_name
    row.insertCell().textContent = name
    const temperature = thermostat.properties.temperature_fahrenheit
    row.insertCell().textContent = temperature === undefined ? '' : `${Math.round(temperature)} °F in the room`
    const setting = row.insertCell()
    setting.textContent = settingText(thermostat)
    setting.dataset.setting = thermostat.device_id
    const actions = row.insertCell()
    // The SDK waits for each action attempt to finish before it resolves.
    actions.append(
      button(`Heat ${name} to ${COMFORT_FAHRENHEIT} °F`, () =>
        rerender(seam.thermostats.heat({ device_id: thermostat.device_id, heating_set_point_fahrenheit: COMFORT_FAHRENHEIT })),
      ),
      button(`Turn off ${name}`, () => rerender(seam.thermostats.off({ device_id: thermostat.device_id }))),
    )
  }
  return table
}
