import type { IncomingMessage } from 'node:http'

import proxyAddr from '@fastify/proxy-addr'

/** Which proxies to believe about the client's address and scheme (X-Forwarded-For/-Proto/-Host). */
export type TrustProxy = boolean | number | string | string[]

/** Whether the proxy at `address`, `hop` steps from this server (0: the socket's peer), is believed. */
export type TrustFunction = (address: string, hop: number) => boolean

/**
 * The one trust function both ways of answering use: Fastify is given it as its `trustProxy`
 * (a function it uses as it is), and the direct path applies it through `forwardedRequest`.
 *
 * Undefined when nothing is trusted. Addresses and CIDRs (a list, or one comma-separated string)
 * compile as Fastify compiles them. A bare hop count means what it means with Express and
 * proxy-addr, believe the `hops` nearest proxies, where Fastify would read it as "trust nothing"
 * (it cannot tell who the nearest peer is). That is right only when the server is reachable
 * through the proxy alone; addresses or CIDRs are the safer form.
 */
export const trustFunction = (trust: TrustProxy): TrustFunction | undefined => {
  if (trust === false) return undefined
  if (trust === true) return () => true
  if (typeof trust === 'number') return (_address, hop) => hop < trust
  return proxyAddr.compile(typeof trust === 'string' ? trust.split(',').map((entry) => entry.trim()) : trust)
}

/** How a request reached this server, once believed proxies are accounted for. */
export interface ForwardedRequest {
  protocol: string
  host: string
}

/** A header sent more than once counts by its last value, as Fastify reads it. */
const lastEntry = (value: string): string => {
  const comma = value.lastIndexOf(',')
  return comma === -1 ? value.trim() : value.slice(comma + 1).trim()
}

/** The client's address as Fastify's `request.ip` reports it under the same trust function. */
export const clientAddressOf = (request: IncomingMessage, trust: TrustFunction | undefined): string | undefined => {
  if (trust === undefined) return request.socket.remoteAddress
  const addresses = proxyAddr.all(request, trust)
  return addresses[addresses.length - 1]
}

/**
 * The scheme and host of a request exactly as Fastify's request reports them (`protocol`,
 * `host`) under the same trust function: X-Forwarded-Proto and -Host count only when the socket's
 * peer is believed. A test holds the two to the same answers under every form of --trust-proxy.
 */
export const forwardedRequest = (request: IncomingMessage, trust: TrustFunction | undefined): ForwardedRequest => {
  const { socket, headers } = request
  const peerBelieved = trust !== undefined && socket.remoteAddress !== undefined && trust(socket.remoteAddress, 0)
  const forwardedProto = headers['x-forwarded-proto']
  const forwardedHost = headers['x-forwarded-host']
  const ownProtocol = (socket as { encrypted?: boolean }).encrypted === true ? 'https' : 'http'
  return {
    protocol: peerBelieved && typeof forwardedProto === 'string' && forwardedProto !== '' ? lastEntry(forwardedProto) : ownProtocol,
    host: peerBelieved && typeof forwardedHost === 'string' && forwardedHost !== '' ? lastEntry(forwardedHost) : (headers.host ?? ''),
  }
}
