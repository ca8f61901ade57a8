import { invalidField } from '../contract/api-error.ts'

/**
 * The part of the Liqe query language (Lucene-like, https://github.com/gajus/liqe) that Seam's
 * device database takes as `liqe_query`, and that Seam Components send: `field:value` terms joined
 * by AND, OR and NOT (implicit AND between adjacent terms), grouped with parentheses. For example
 * `(display_name:"August" OR manufacturer_id:"…") AND NOT (display_name:"Yale")`.
 *
 * A quoted value matches a text field equal to it (case-sensitive); a bare value matches a text
 * field containing it, ignoring case, and `true`/`false`/`null`/a number match that value. A field
 * may be a dotted path. A field the object lacks matches nothing (as in Liqe). The rest of the
 * language (regular expressions, wildcards, ranges, comparisons, terms without a field) is
 * refused with invalid_input on `liqe_query` rather than read as something else.
 */

export type LiqeQuery =
  | { kind: 'term'; field: string; value: string; quoted: boolean }
  | { kind: 'not'; operand: LiqeQuery }
  | { kind: 'and' | 'or'; left: LiqeQuery; right: LiqeQuery }

type Token = { kind: 'open' | 'close' | 'colon' } | { kind: 'word'; text: string } | { kind: 'quoted'; text: string }

const refuse = (message: string) => invalidField('liqe_query', message)

const tokenize = (query: string): Token[] => {
  const tokens: Token[] = []
  let i = 0
  while (i < query.length) {
    const char = query[i] as string
    if (/\s/.test(char)) {
      i++
    } else if (char === '(' || char === ')' || char === ':') {
      tokens.push({ kind: char === '(' ? 'open' : char === ')' ? 'close' : 'colon' })
      i++
    } else if (char === '"' || char === "'") {
      let text = ''
      i++
      while (i < query.length && query[i] !== char) {
        // A backslash keeps the next character, so a value can hold its own quote.
        if (query[i] === '\\' && i + 1 < query.length) i++
        text += query[i]
        i++
      }
      if (i >= query.length) throw refuse('A quoted value is not closed.')
      i++
      tokens.push({ kind: 'quoted', text })
    } else {
      const start = i
      while (i < query.length && !/[\s():"']/.test(query[i] as string)) i++
      tokens.push({ kind: 'word', text: query.slice(start, i) })
    }
  }
  return tokens
}

const isOperator = (token: Token | undefined, name: string): boolean => token?.kind === 'word' && token.text === name

/** Characters that start parts of the language this subset does not take. */
const UNSUPPORTED_VALUE = /^[/<>=[{]|[*?]/

export const parseLiqeQuery = (query: string): LiqeQuery => {
  const tokens = tokenize(query)
  let at = 0
  const peek = () => tokens[at]

  const parseOr = (): LiqeQuery => {
    let left = parseAnd()
    while (isOperator(peek(), 'OR')) {
      at++
      left = { kind: 'or', left, right: parseAnd() }
    }
    return left
  }

  const startsOperand = (token: Token | undefined): boolean =>
    token !== undefined && token.kind !== 'close' && token.kind !== 'colon' && !isOperator(token, 'OR') && !isOperator(token, 'AND')

  const parseAnd = (): LiqeQuery => {
    let left = parseUnary()
    for (;;) {
      if (isOperator(peek(), 'AND')) at++
      else if (!startsOperand(peek())) return left
      left = { kind: 'and', left, right: parseUnary() }
    }
  }

  const parseUnary = (): LiqeQuery => {
    const token = peek()
    if (token === undefined) throw refuse('The query ends where a term was expected.')
    if (isOperator(token, 'NOT')) {
      at++
      return { kind: 'not', operand: parseUnary() }
    }
    if (token.kind === 'open') {
      at++
      const inner = parseOr()
      if (peek()?.kind !== 'close') throw refuse('A parenthesis is not closed.')
      at++
      return inner
    }
    return parseTerm()
  }

  const parseTerm = (): LiqeQuery => {
    const field = peek()
    if (field?.kind !== 'word' || tokens[at + 1]?.kind !== 'colon') {
      throw refuse('Each term must name a field, as in display_name:"August"; a search without a field is not supported.')
    }
    const value = tokens[at + 2]
    if (value === undefined || (value.kind !== 'word' && value.kind !== 'quoted')) throw refuse(`The field ${field.text} has no value.`)
    if (value.kind === 'word' && UNSUPPORTED_VALUE.test(value.text)) {
      throw refuse(`Regular expressions, wildcards, ranges and comparisons are not supported (${field.text}:${value.text}).`)
    }
    at += 3
    return { kind: 'term', field: field.text, value: value.text, quoted: value.kind === 'quoted' }
  }

  if (tokens.length === 0) throw refuse('The query is empty.')
  const parsed = parseOr()
  if (at < tokens.length) throw refuse('The query has text after its end, such as an unopened parenthesis.')
  return parsed
}

const valueAt = (subject: unknown, path: string): unknown => {
  let current = subject
  for (const part of path.split('.')) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, part)) return undefined
    current = (current as Record<string, unknown>)[part]
  }
  return current
}

const termMatches = (actual: unknown, value: string, quoted: boolean): boolean => {
  if (typeof actual === 'string') return quoted ? actual === value : actual.toLowerCase().includes(value.toLowerCase())
  if (quoted) return false
  if (typeof actual === 'boolean') return String(actual) === value
  if (typeof actual === 'number') return value.trim() !== '' && actual === Number(value)
  if (actual === null) return value === 'null'
  return false
}

export const matchesLiqeQuery = (query: LiqeQuery, subject: unknown): boolean => {
  switch (query.kind) {
    case 'term':
      return termMatches(valueAt(subject, query.field), query.value, query.quoted)
    case 'not':
      return !matchesLiqeQuery(query.operand, subject)
    case 'and':
      return matchesLiqeQuery(query.left, subject) && matchesLiqeQuery(query.right, subject)
    case 'or':
      return matchesLiqeQuery(query.left, subject) || matchesLiqeQuery(query.right, subject)
  }
}
