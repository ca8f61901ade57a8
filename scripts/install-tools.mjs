// Installs the tools the test suite drives Latchkey with but the project itself does not depend
// on: Seam's CLI (tools/seam-cli). It lives apart because it needs React 19 (through its
// @seamapi/wizard peer) while Seam Components need React 18; peers are left out (--omit=peer),
// since the CLI commands the suite runs never load the wizard. Skipped when already installed
// at the locked version.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const dir = new URL('../tools/seam-cli/', import.meta.url).pathname

const lockedVersion = () => JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')).packages['node_modules/@seamapi/cli'].version
const installedVersion = () => {
  const manifest = join(dir, 'node_modules/@seamapi/cli/package.json')
  return existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : undefined
}

export const installTools = () => {
  if (installedVersion() === lockedVersion()) return
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const result = spawnSync(npm, ['ci', '--omit=peer', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' })
  if (result.status !== 0) throw new Error('installing tools/seam-cli failed')
}

if (import.meta.url === `file://${process.argv[1]}`) installTools()
