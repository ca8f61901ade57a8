import { lookup } from 'node:dns/promises'
import { BlockList, isIP } from 'node:net'

/**
 * Addresses a webhook must not reach unless the operator allows the host: loopback, private,
 * link-local, carrier-grade NAT, unspecified and multicast, in IPv4 and IPv6 (IPv4-mapped too).
 * Otherwise anyone who may create a webhook could make this server call its own network.
 */
const INTERNAL = new BlockList()
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  INTERNAL.addSubnet(network, prefix, 'ipv4')
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  INTERNAL.addSubnet(network, prefix, 'ipv6')
}

export const isInternalAddress = (address: string): boolean => {
  const family = isIP(address)
  if (family === 4) return INTERNAL.check(address, 'ipv4')
  if (family !== 6) return true
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  return mapped?.[1] !== undefined ? INTERNAL.check(mapped[1], 'ipv4') : INTERNAL.check(address, 'ipv6')
}

export type Destination = { ok: true; url: URL; address: string; family: 4 | 6 } | { ok: false; error: string }

/**
 * Where a delivery may go: an http(s) URL whose host resolves to an address that is not
 * internal, or whose host is listed in `allowHosts`. The address checked is the one connected
 * to (the request is pinned to it), so a DNS answer cannot change between check and use.
 */
export const resolveDestination = async (target: string, allowHosts: readonly string[]): Promise<Destination> => {
  let url: URL
  try {
    url = new URL(target)
  } catch {
    return { ok: false, error: 'the webhook URL is not a URL' }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, error: 'the webhook URL is not http or https' }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1')
  let resolved: { address: string; family: number }
  try {
    resolved = isIP(host) === 0 ? await lookup(host) : { address: host, family: isIP(host) }
  } catch {
    return { ok: false, error: `the webhook host ${host} does not resolve` }
  }
  if (isInternalAddress(resolved.address) && !allowHosts.includes(host)) {
    return { ok: false, error: `the webhook host ${host} is an internal address; list it in LATCHKEY_WEBHOOK_ALLOW_HOSTS to allow it` }
  }
  return { ok: true, url, address: resolved.address, family: resolved.family === 6 ? 6 : 4 }
}
