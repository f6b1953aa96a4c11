// The addresses other devices in the room can use to reach this laptop: its IPv4 addresses on the local
// network, without loopback, link-local (169.254.x.x: no DHCP answered) or VPN tunnels first.
import type { NetworkInterfaceInfo } from 'node:os';

export interface LanAddress {
  /** The network card, e.g. `wlan0`, `en0` or `WLAN`. */
  interfaceName: string;
  address: string;
}

/** IPv4 LAN addresses, the one students most likely share first: Wi-Fi and Ethernet before tunnels and bridges. */
export function lanAddresses(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): LanAddress[] {
  const found: LanAddress[] = [];
  for (const [interfaceName, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      if (info.family !== 'IPv4' || info.internal) continue;
      if (info.address.startsWith('169.254.')) continue;
      found.push({ interfaceName, address: info.address });
    }
  }
  return found.sort((a, b) => rank(a) - rank(b));
}

/** Docker bridges, VPNs and virtual machines' networks are not the room's network. */
function rank({ interfaceName, address }: LanAddress): number {
  const name = interfaceName.toLowerCase();
  if (/^(docker|br-|veth|virbr|vmnet|vboxnet|tun|tap|utun|wg|tailscale|zt)/.test(name)) return 2;
  if (address.startsWith('172.17.')) return 2;
  return isPrivate(address) ? 0 : 1;
}

function isPrivate(address: string): boolean {
  const [first = 0, second = 0] = address.split('.').map(Number);
  if (first === 10) return true;
  if (first === 192 && second === 168) return true;
  return first === 172 && second >= 16 && second <= 31;
}
