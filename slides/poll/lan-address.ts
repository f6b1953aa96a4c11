import { type NetworkInterfaceInfo, networkInterfaces } from 'node:os';

/** One IPv4 address phones might reach this machine at. */
export interface LanCandidate {
  interfaceName: string;
  address: string;
  /** A real Wi-Fi or Ethernet adapter by its name (en0, eth0, wlan0, wlp2s0, "Wi-Fi", "Ethernet 2"). */
  preferred: boolean;
}

export interface LanChoice {
  /** The address for the QR code; `localhost` when there is no candidate (offline). */
  address: string;
  /** Every address that was considered, the chosen one first. */
  candidates: LanCandidate[];
}

/** Adapters of VMs, containers and VPNs: phones in the room cannot reach these addresses. */
const VIRTUAL = /^(vEthernet|docker|br-|veth|vbox|virtualbox|virbr|vmnet|vmware|utun|tailscale|zt|tun|wg)/i;
const PHYSICAL = /^(en|eth|wl)|wi-?fi|wlan|ethernet/i;

/**
 * The address phones in the same Wi-Fi can reach this machine at: an IPv4 address that is not internal,
 * not link-local (169.254/16, what a machine gives itself without DHCP) and not on a virtual adapter;
 * Wi-Fi and Ethernet adapters first. `POLL_HOST` overrides this (see poll/index.ts).
 */
export function chooseLanAddress(
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): LanChoice {
  const candidates: LanCandidate[] = [];
  for (const [interfaceName, addresses] of Object.entries(interfaces)) {
    if (VIRTUAL.test(interfaceName)) continue;
    for (const info of addresses ?? []) {
      if (info.family !== 'IPv4' || info.internal || info.address.startsWith('169.254.')) continue;
      candidates.push({ interfaceName, address: info.address, preferred: PHYSICAL.test(interfaceName) });
    }
  }
  // A stable sort: preferred adapters first, otherwise the order the system lists them in.
  candidates.sort((a, b) => Number(b.preferred) - Number(a.preferred));
  return { address: candidates[0]?.address ?? 'localhost', candidates };
}

/** Just the address of {@link chooseLanAddress}. */
export function lanAddress(interfaces?: NodeJS.Dict<NetworkInterfaceInfo[]>): string {
  return chooseLanAddress(interfaces).address;
}
