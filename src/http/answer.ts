/** What an endpoint answers, before the one writer (writer.ts) adds the headers every answer carries. */
export interface Answer {
  status: number
  /** Omitted for an answer without a body (204, a redirect). */
  body?: string
  contentType?: string
  /** Headers of this answer alone (retry-after, location, security headers), a flat name/value list. */
  headers?: readonly string[]
  /** Closes the connection after this answer (the request may carry bytes nobody will read). */
  close?: boolean
}

export const JSON_TYPE = 'application/json; charset=utf-8'

export const jsonAnswer = (json: string, status = 200): Answer => ({ status, body: json, contentType: JSON_TYPE })

export const noContent: Answer = { status: 204 }
