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
 * Whether every string in `value` (values and member names) can be stored as sent. The common
 * case, on every request: one pass that allocates nothing but its stack of values to visit (kept
 * by hand, so a deeply nested body cannot exhaust the call stack).
 */
const allStorable = (value: unknown): boolean => {
  const pending: unknown[] = [value]
  while (pending.length > 0) {
    const next = pending.pop()
    if (typeof next === 'string') {
      if (problemOf(next) !== undefined) return false
    } else if (Array.isArray(next)) {
      for (const item of next) pending.push(item)
    } else if (typeof next === 'object' && next !== null) {
      for (const key in next) {
        if (!Object.hasOwn(next, key)) continue
        if (problemOf(key) !== undefined) return false
        pending.push((next as Record<string, unknown>)[key])
      }
    }
  }
  return true
}

/**
 * Throws invalid_input for the first string (value or member name) in `params` that cannot be
 * stored as it was sent.
 */
export const assertStorableText = (params: unknown): void => {
  if (allStorable(params)) return
  // Refused: walk again, this time keeping each value's path, to name the field.
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
