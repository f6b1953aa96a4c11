import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { lanAddresses } from './lan-addresses';

function ipv4(address: string, internal = false): NetworkInterfaceInfo {
  return {
    address,
    family: 'IPv4',
    internal,
    netmask: '255.255.255.0',
    mac: '00:00:00:00:00:00',
    cidr: null,
  };
}

function ipv6(address: string): NetworkInterfaceInfo {
  return {
    address,
    family: 'IPv6',
    internal: false,
    netmask: 'ffff::',
    mac: '00:00:00:00:00:00',
    cidr: null,
    scopeid: 0,
  };
}

describe('lanAddresses', () => {
  it('lists the Wi-Fi address first, after dropping loopback, link-local and IPv6', () => {
    const found = lanAddresses({
      lo: [ipv4('127.0.0.1', true)],
      docker0: [ipv4('172.17.0.1')],
      wlan0: [ipv4('192.168.1.20'), ipv6('fe80::1')],
      eth1: [ipv4('169.254.10.3')],
    });
    expect(found).toEqual([
      { interfaceName: 'wlan0', address: '192.168.1.20' },
      { interfaceName: 'docker0', address: '172.17.0.1' },
    ]);
  });

  it('puts VPN tunnels after the room’s network, whatever their order', () => {
    const found = lanAddresses({ utun3: [ipv4('10.8.0.2')], en0: [ipv4('10.20.30.40')] });
    expect(found.map((entry) => entry.interfaceName)).toEqual(['en0', 'utun3']);
  });

  it('is empty on a laptop without a network', () => {
    expect(lanAddresses({ lo: [ipv4('127.0.0.1', true)] })).toEqual([]);
  });
});
