/** The CLI's only doors to the terminal, so commands stay testable and output stays consistent. */
export interface CliIo {
  out(line: string): void
  err(line: string): void
  env: NodeJS.ProcessEnv
}

export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
}

/** A mistake in how the command was called: printed with usage, exit code 2. */
export class UsageError extends Error {}

export const print = (io: CliIo, json: boolean, value: Record<string, unknown>, human: string): void => {
  io.out(json ? JSON.stringify(value) : human)
}
