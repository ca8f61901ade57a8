/** The CLI's only doors to the terminal, so commands stay testable and output stays consistent. */
export interface CliIo {
  out(line: string): void
  err(line: string): void
  env: NodeJS.ProcessEnv
  /** Whether stderr is a person's terminal (not a pipe, file or log collector). */
  interactive: boolean
}

export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  interactive: process.stderr.isTTY === true,
}

/** A mistake in how the command was called: printed with usage, exit code 2. */
export class UsageError extends Error {}

export const print = (io: CliIo, json: boolean, value: Record<string, unknown>, human: string): void => {
  io.out(json ? JSON.stringify(value) : human)
}

/** Commands that act on a workspace name it; a wrong id is the caller's mistake, not a crash. */
export const requireWorkspace = async (store: { getWorkspace(id: string): Promise<unknown> }, workspaceId: string): Promise<void> => {
  if ((await store.getWorkspace(workspaceId)) === undefined) throw new UsageError(`no workspace ${workspaceId}`)
}
