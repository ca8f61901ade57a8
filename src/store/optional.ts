/** An object's properties whose value is not `undefined`, each kept as optional. */
export type Optional<T> = { [K in keyof T]?: Exclude<T[K], undefined> }

/**
 * The given properties without those that are `undefined`: `optional({ name: maybeName })` is
 * `{}` or `{ name }`. With `exactOptionalPropertyTypes` an optional property may be absent but
 * never `undefined`, so a value that may be missing is spread in through this, not
 * `...(x === undefined ? {} : { k: x })` at every use.
 */
export const optional = <T extends object>(properties: T): Optional<T> => {
  const present: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(properties)) if (value !== undefined) present[key] = value
  return present as Optional<T>
}

/**
 * `f(value)`, or undefined when the value is: for an optional property made from another,
 * `optional({ startsAt: whenDefined(input.starts_at, toIso) })`.
 */
export const whenDefined = <T, R>(value: T | undefined, f: (value: T) => R): R | undefined => (value === undefined ? undefined : f(value))
