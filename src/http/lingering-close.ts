import type { IncomingMessage } from 'node:http'
import type { Socket } from 'node:net'

/** How much of a body nobody will read is still taken in and dropped before the connection closes. */
const LINGER_BYTES = 256 * 1024 * 1024
/** How long a client may go on sending it. */
const LINGER_MS = 30_000

/**
 * Closes a connection whose request is answered before its body was read (413, a refusal), the
 * way nginx's lingering close does: the answer is written and the sending side closed, then what
 * the client still sends is read and dropped, up to a bound, and only then is the socket closed.
 *
 * Why: closing at once while the client is still uploading makes the kernel reset the
 * connection, and a client that writes its whole body before it reads (most HTTP clients on a
 * raw socket) gets EPIPE and never sees the answer that explains why.
 *
 * node:http closes such a connection itself once the answer is written (`destroySoon`), so that
 * step is replaced on this one socket.
 */
export const closeLingering = (request: IncomingMessage): void => {
  const socket = request.socket as Socket & { destroySoon?: () => void }
  let dropped = 0
  // Nothing is kept: every chunk still arriving is counted and let go.
  request.on('data', (chunk: Buffer) => {
    dropped += chunk.length
    if (dropped > LINGER_BYTES) socket.destroy()
  })
  request.resume()
  socket.destroySoon = () => {
    socket.end()
    const timer = setTimeout(() => socket.destroy(), LINGER_MS)
    timer.unref()
    socket.once('close', () => clearTimeout(timer))
    // A client that has sent everything and closed its side ends the wait early.
    socket.once('end', () => socket.destroy())
  }
}
