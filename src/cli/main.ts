import { readFileSync } from 'node:fs'

import { type CliIo, processIo, UsageError } from './io.ts'
import { COMMAND_USAGE, USAGE } from './usage.ts'

type Command = (args: string[], io: CliIo) => Promise<number>

// Loaded on demand: `--help` and each command pay only for the modules they use.
const COMMANDS: Record<string, () => Promise<Command>> = {
  serve: async () => (await import('./serve.ts')).serveCommand,
  migrate: async () => (await import('./migrate.ts')).migrateCommand,
  workspaces: async () => (await import('./workspaces.ts')).workspacesCommand,
  'api-keys': async () => (await import('./api-keys.ts')).apiKeysCommand,
  'publishable-keys': async () => (await import('./publishable-keys.ts')).publishableKeysCommand,
  pats: async () => (await import('./pats.ts')).patsCommand,
  secrets: async () => (await import('./secrets.ts')).secretsCommand,
  webhooks: async () => (await import('./webhooks.ts')).webhooksCommand,
  backup: async () => (await import('./backup.ts')).backupCommand,
}

const wantsHelp = (args: string[]) => args.includes('--help') || args.includes('-h')

/** The installed package's version (package.json sits two levels above both src/cli and dist/cli). */
const version = (): string =>
  (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version

/** Runs one CLI command and returns its exit code; the only place that turns errors into exit codes. */
export const main = async (argv: string[], io: CliIo = processIo): Promise<number> => {
  const [name, ...args] = argv
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const topic = name === 'help' ? args[0] : undefined
    io.out((topic !== undefined ? COMMAND_USAGE[topic] : undefined) ?? USAGE)
    return name === undefined ? 2 : 0
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    io.out(`latchkey ${version()}`)
    return 0
  }
  const load = COMMANDS[name]
  if (load === undefined) {
    io.err(`unknown command "${name}"\n\n${USAGE}`)
    return 2
  }
  if (wantsHelp(args)) {
    io.out(COMMAND_USAGE[name] ?? USAGE)
    return 0
  }
  try {
    return await (
      await load()
    )(args, io)
  } catch (error) {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') === true
    io.err(`latchkey ${name}: ${(error as Error).message}`)
    if (usage) io.err(`Run "latchkey ${name} --help" for its options.`)
    return usage ? 2 : 1
  }
}
