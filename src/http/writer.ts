import { STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import { performance } from 'node:perf_hooks'

import type { ErrorLog } from './error-envelope.ts'
import { type TrustFunction, clientAddressOf } from './forwarded.ts'
import type { Exchange } from './exchange.ts'
import { closeLingering } from './lingering-close.ts'
import type { AnsweredRequest } from './request-log.ts'

/** Writes one answer; never throws (it handles its own failure). */
export type AnswerWrite = () => void

export interface PassWriter {
  /** Called when a request is taken up: the number of the event-loop pass it is taken up in. */
  begin(): number
  /**
   * Writes an answer: with the other answers of the pass, once it ends, when the request was
   * taken up in this same pass (`pass`, from `begin`); at once when it was taken up earlier.
   */
  write(pass: number, write: AnswerWrite): void
}

/**
 * Holds the answers made in one pass of the event loop for the requests read in that pass, and
 * writes them together in the loop's check phase (`setImmediate`), after every socket that was
 * ready in the pass has been read and its request answered.
 *
 * Why: writing an answer to a client that is asleep waiting for it makes the kernel wake that
 * client, and on the same machine (a reverse proxy, a sidecar, the benchmark's load generator)
 * the wake-up is charged to the writing `writev`, a large share of a hot read's CPU time. Written
 * one at a time, each answer woke the client again; written together, the first one wakes it
 * and the others arrive while it is running (docs/performance.md has what it saved).
 * Redis writes its replies the same way, just before its event loop sleeps.
 *
 * Only answers made in the pass that read their request wait: those are the ones a busy server
 * makes back to back. An answer that waited for the database (a PostgreSQL round trip, a
 * commit) is written as soon as it is ready: that server is waiting on round trips, not short of
 * CPU, and holding its answers to the end of a pass measurably slowed PostgreSQL's API-key get
 * and get_or_create (docs/performance.md).
 *
 * What it costs: an answer waits for the other answers of its pass, at most one pass (with 32
 * requests ready at once, about 1 ms); a lone request waits only for the loop to reach its check
 * phase. Node still sends the answers to pipelined requests on one connection in their order.
 */
export const passWriter = (): PassWriter => {
  let pass = 0
  let flushScheduled = false
  let pending: AnswerWrite[] = []
  const flush = () => {
    flushScheduled = false
    pass++
    const writes = pending
    pending = []
    for (const write of writes) write()
  }
  return {
    begin() {
      if (!flushScheduled) {
        flushScheduled = true
        setImmediate(flush)
      }
      return pass
    },
    write(requestPass, write) {
      if (requestPass === pass) pending.push(write)
      else write()
    },
  }
}

/** What an endpoint answers, before the writer below adds the headers every answer carries. */
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

/** Writes answers: every answer the server makes goes out through this, and only this. */
export interface AnswerWriter {
  /** Writes `answer` to the exchange's request, with the headers every answer carries; never throws. */
  write(exchange: Exchange, answer: Answer): void
  /** For a request node:http's parser refused, with no request object: the answer on the bare socket. */
  writeToSocket(socket: Socket, requestId: string, answer: Answer): void
}

export interface WriterOptions {
  passes: PassWriter
  record: (answered: AnsweredRequest) => void
  /** The proxies believed (--trust-proxy) about the client's address, for the log line. */
  trust: TrustFunction | undefined
  log: ErrorLog
}

/** A request whose body may not have been read: one that declares one and has not delivered it all. */
const bodyUnread = (exchange: Exchange): boolean => {
  const { request } = exchange
  if (exchange.bodyRead || request.complete) return false
  const length = request.headers['content-length']
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')
}

/**
 * The one writer. Header order: the request's own (request id, CORS, rate limit), the answer's,
 * then `connection: close` when it closes, then type and length. An answer made in the
 * event-loop pass that took its request up is written at the end of that pass (pass-writer.ts).
 * Each written answer is recorded once: the log line and the metrics (request-log.ts).
 */
export const answerWriter = ({ passes, record, trust, log }: WriterOptions): AnswerWriter => {
  const headersOf = (shared: readonly string[], answer: Answer, close: boolean): string[] => {
    const headers = answer.headers === undefined ? [...shared] : [...shared, ...answer.headers]
    if (close) headers.push('connection', 'close')
    if (answer.contentType !== undefined) headers.push('content-type', answer.contentType)
    headers.push('content-length', answer.body === undefined ? '0' : String(Buffer.byteLength(answer.body)))
    return headers
  }

  const writeNow = (exchange: Exchange, answer: Answer) => {
    const { request, response } = exchange
    try {
      if (response.headersSent || response.destroyed) return
      const unread = bodyUnread(exchange)
      const close = answer.close === true || unread
      response.writeHead(answer.status, headersOf(exchange.headers, answer, close))
      if (unread) closeLingering(request)
      response.end(answer.body)
      record({
        requestId: exchange.requestId,
        method: request.method ?? '',
        route: exchange.pattern,
        status: answer.status,
        elapsedMs: performance.now() - exchange.started,
        facts: exchange.facts,
        clientAddress: (trust === undefined ? request.socket.remoteAddress : clientAddressOf(request, trust)) ?? null,
      })
    } catch (error) {
      log.error({ err: error, request_id: exchange.requestId }, 'writing an answer failed')
      response.destroy()
    }
  }

  return {
    write(exchange, answer) {
      passes.write(exchange.pass, () => writeNow(exchange, answer))
    },
    writeToSocket(socket, requestId, answer) {
      if (!socket.writable) {
        socket.destroy()
        return
      }
      const headers = headersOf(['seam-request-id', requestId], answer, true)
      let head = `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? ''}\r\n`
      for (let i = 0; i < headers.length; i += 2) head += `${headers[i]}: ${headers[i + 1]}\r\n`
      socket.end(`${head}\r\n${answer.body ?? ''}`)
      record({
        requestId,
        method: 'unparsed',
        route: null,
        status: answer.status,
        elapsedMs: 0,
        facts: null,
        clientAddress: socket.remoteAddress ?? null,
      })
    },
  }
}
