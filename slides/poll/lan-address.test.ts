import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { chooseLanAddress, lanAddress } from './lan-address';

function address(family: 'IPv4' | 'IPv6', value: string, internal = false): NetworkInterfaceInfo {
  const common = { address: value, netmask: '', mac: '00:00:00:00:00:00', internal, cidr: null };
  return family === 'IPv4' ? { ...common, family } : { ...common, family, scopeid: 0 };
}

describe('chooseLanAddress', () => {
  it('takes an IPv4 address that is not internal', () => {
    const interfaces = {
      lo: [address('IPv4', '127.0.0.1', true)],
      wlan0: [address('IPv6', 'fe80::1'), address('IPv4', '192.168.1.20')],
    };
    expect(lanAddress(interfaces)).toBe('192.168.1.20');
  });

  it('skips Docker, WSL/Hyper-V, VirtualBox, VPNs and link-local addresses; Wi-Fi wins', () => {
    // As os.networkInterfaces() lists them on a laptop with Docker, WSL and Tailscale (Windows names included).
    const interfaces = {
      'vEthernet (WSL)': [address('IPv4', '172.29.16.1')],
      docker0: [address('IPv4', '172.17.0.1')],
      'br-3f2a9c': [address('IPv4', '172.18.0.1')],
      veth1234: [address('IPv4', '169.254.10.2')],
      'VirtualBox Host-Only Network': [address('IPv4', '192.168.56.1')],
      vboxnet0: [address('IPv4', '192.168.57.1')],
      virbr0: [address('IPv4', '192.168.122.1')],
      utun3: [address('IPv4', '100.64.0.3')],
      tailscale0: [address('IPv4', '100.101.102.103')],
      ztabcdef: [address('IPv4', '10.147.17.5')],
      'Ethernet 3': [address('IPv4', '169.254.33.7')],
      'Wi-Fi': [address('IPv4', '192.168.178.42')],
    };
    const choice = chooseLanAddress(interfaces);
    expect(choice.address).toBe('192.168.178.42');
    expect(choice.candidates.map((each) => each.interfaceName)).toEqual(['Wi-Fi']);
  });

  it('prefers en*/eth*/wl* over adapters it does not know, and lists every candidate', () => {
    const interfaces = {
      bridge100: [address('IPv4', '192.168.64.1')],
      en0: [address('IPv4', '10.0.0.12')],
      eth1: [address('IPv4', '10.0.1.7')],
    };
    expect(chooseLanAddress(interfaces)).toEqual({
      address: '10.0.0.12',
      candidates: [
        { interfaceName: 'en0', address: '10.0.0.12', preferred: true },
        { interfaceName: 'eth1', address: '10.0.1.7', preferred: true },
        { interfaceName: 'bridge100', address: '192.168.64.1', preferred: false },
      ],
    });
  });

  it('falls back to localhost when the machine is offline', () => {
    expect(lanAddress({ lo: [address('IPv4', '127.0.0.1', true)], wlan0: undefined })).toBe('localhost');
    expect(chooseLanAddress({ docker0: [address('IPv4', '172.17.0.1')] })).toEqual({
      address: 'localhost',
      candidates: [],
    });
  });
});
