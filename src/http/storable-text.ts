import { ApiError } from '../contract/api-error.ts'

/**
 * Text that a database cannot keep byte for byte is refused before anything reads it.
 * PostgreSQL refuses U+0000 in text outright (which once failed a whole shared statement), and
 * both stores turn a lone UTF-16 surrogate into U+FFFD on the way to UTF-8, so a key stored that
 * way would never be found again. Refusing both on every parameter keeps SQLite and PostgreSQL
 * answering alike: a 400 naming the field.
 */
const problemOf = (text: string): string | undefined => {
  if (text.includes('\u0000')) return 'Text must not contain the NUL character (U+0000).'
  if (!text.isWellFormed()) return 'Text must be valid Unicode: it contains a lone surrogate.'
  return undefined
}

const refuse = (path: readonly (string | number)[], message: string): never => {
  // The shape zod's formatError gives, so clients read it like any other validation error.
  let errors: Record<string, unknown> = { _errors: [message] }
  for (let i = path.length - 1; i >= 0; i--) errors = { _errors: [], [String(path[i])]: errors }
  const where = path.length === 0 ? '' : `${path.join('.')}: `
  throw new ApiError(400, 'invalid_input', `${where}${message}`, { validation_errors: errors })
}

/**
 * Throws invalid_input for the first string (value or member name) in `params` that cannot be
 * stored as it was sent. Walks with its own stack: a deeply nested body must not exhaust the
 * call stack.
 */
export const assertStorableText = (params: unknown): void => {
  const pending: { value: unknown; path: (string | number)[] }[] = [{ value: params, path: [] }]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, path } = next
    if (typeof value === 'string') {
      const problem = problemOf(value)
      if (problem !== undefined) refuse(path, problem)
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) pending.push({ value: value[i], path: [...path, i] })
    } else if (typeof value === 'object' && value !== null) {
      for (const key of Object.keys(value)) {
        const problem = problemOf(key)
        if (problem !== undefined) refuse([...path, key], problem)
        pending.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] })
      }
    }
  }
}
