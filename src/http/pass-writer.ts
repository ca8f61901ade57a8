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
