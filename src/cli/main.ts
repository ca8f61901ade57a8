import { apiKeysCommand } from './api-keys.ts'
import { type CliIo, processIo, UsageError } from './io.ts'
import { migrateCommand } from './migrate.ts'
import { patsCommand } from './pats.ts'
import { serveCommand } from './serve.ts'
import { workspacesCommand } from './workspaces.ts'

const USAGE = `usage: latchkey <command> [options]

  serve       [--host H] [--port P] [--database-url URL] [--session-lifetime-seconds N]
              [--rate-limit-per-minute N]
  migrate     [--database-url URL]
  workspaces  create --name NAME [--sandbox] [--json] | list [--json]
  api-keys    create --workspace ID [--name N] [--json] | list --workspace ID | revoke --api-key-id ID
  pats        create --email EMAIL --workspace ID [--json]

Database: --database-url or DATABASE_URL, sqlite:<path> (default sqlite:./data/latchkey.sqlite)
or postgres://… (then LATCHKEY_SECRET is required).`

const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  serve: serveCommand,
  migrate: migrateCommand,
  workspaces: workspacesCommand,
  'api-keys': apiKeysCommand,
  pats: patsCommand,
}

/** Runs one CLI command and returns its exit code; the only place that turns errors into exit codes. */
export const main = async (argv: string[], io: CliIo = processIo): Promise<number> => {
  const [name, ...args] = argv
  if (name === undefined || name === 'help' || name === '--help') {
    io.out(USAGE)
    return name === undefined ? 2 : 0
  }
  const command = COMMANDS[name]
  if (command === undefined) {
    io.err(`unknown command "${name}"\n\n${USAGE}`)
    return 2
  }
  try {
    return await command(args, io)
  } catch (error) {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') === true
    io.err(`latchkey ${name}: ${(error as Error).message}`)
    return usage ? 2 : 1
  }
}
