/** Writes one answer; never throws (it handles its own failure). */
export type AnswerWrite = () => void

/**
 * Holds the answers produced in one pass of the event loop and writes them together in the
 * loop's check phase (`setImmediate`), after every socket that was ready in the pass has been read
 * and its request answered.
 *
 * Why: writing an answer to a client that is asleep waiting for it makes the kernel wake that
 * client, and on the same machine (a reverse proxy, a sidecar, the benchmark's load generator)
 * the wake-up is charged to the writing `writev`: half of a hot read's CPU time was that call.
 * Written one at a time, each answer woke the client again; written together, the first one
 * wakes it and the others arrive while it is running. In alternating rounds on the benchmark's
 * machine this raised the CST read from 12 100–21 800 to 23 800–32 000 req/s and lowered its CPU
 * per request by a third (docs/performance.md). Redis writes its replies the same way, just
 * before its event loop sleeps.
 *
 * What it costs: an answer waits for the other answers of its pass, at most one pass (with 32
 * requests ready at once, about 1 ms); a lone request waits only for the loop to reach its check
 * phase. Node still sends the answers to pipelined requests on one connection in their order.
 */
export const passWriter = (): ((write: AnswerWrite) => void) => {
  let pending: AnswerWrite[] = []
  const flush = () => {
    const writes = pending
    pending = []
    for (const write of writes) write()
  }
  return (write) => {
    if (pending.length === 0) setImmediate(flush)
    pending.push(write)
  }
}
