import { BlockList, isIP } from 'node:net';

/**
 * Addresses a feed fetch must not reach unless allowed: loopback, private, link-local,
 * carrier-grade NAT, documentation, benchmarking, multicast, reserved and unspecified
 * ranges, in IPv4 and IPv6 (IPv4-mapped IPv6 addresses are checked as the IPv4 they carry).
 */
const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return isPublicAddress(mapped[1]!);
    return !NON_PUBLIC.check(address, 'ipv6');
  }
  return !NON_PUBLIC.check(address, 'ipv4');
}

/** `host:port` entries that may be reached although they are not public (tests, private deployments). */
export class AllowList {
  private readonly entries: Set<string>;

  constructor(entries: readonly string[] = []) {
    this.entries = new Set(entries.map((entry) => AllowList.normalise(entry)));
  }

  static normalise(entry: string): string {
    const trimmed = entry.trim().toLowerCase();
    if (!/^(\[[0-9a-f:.]+\]|[^:\s/]+):\d{1,5}$/.test(trimmed)) throw new Error(`allow-list entries are host:port, not "${entry}"`);
    return trimmed;
  }

  allows(hostname: string, port: number): boolean {
    const host = hostname.toLowerCase();
    return this.entries.has(`${host}:${port}`) || this.entries.has(`[${host}]:${port}`);
  }

  get size(): number {
    return this.entries.size;
  }
}
