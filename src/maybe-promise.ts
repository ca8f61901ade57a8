/**
 * A value now, or later. The hot reads answer synchronously when SQLite's read memo or its
 * prepared statement has the rows at hand, and pass the value on as it is: each `async` layer a
 * value goes through costs a promise and a trip through the microtask queue, and a client session
 * token's read of its own session used to cross eight of them. Where the value has to wait
 * (PostgreSQL, a transaction holding SQLite's connection) it stays a promise.
 *
 * Callers that are synchronous must treat a throw as they would a rejection. "Later" means a
 * native Promise (what async functions, Kysely and node-postgres return); any other value, a
 * foreign thenable included, counts as already here.
 */
export type MaybePromise<T> = T | Promise<T>

export const isPromise = <T>(value: MaybePromise<T>): value is Promise<T> => value instanceof Promise

/** `then` for a value that may already be here: synchronous when it is. */
export const andThen = <T, U>(value: MaybePromise<T>, next: (resolved: T) => U | Promise<U>): MaybePromise<U> =>
  isPromise(value) ? value.then(next) : next(value)
