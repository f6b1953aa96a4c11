import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { lanAddress } from './lan-address';

function address(family: 'IPv4' | 'IPv6', value: string, internal: boolean): NetworkInterfaceInfo {
  const common = { address: value, netmask: '', mac: '00:00:00:00:00:00', internal, cidr: null };
  return family === 'IPv4' ? { ...common, family } : { ...common, family, scopeid: 0 };
}

describe('lanAddress', () => {
  it('takes the first IPv4 address that is not internal', () => {
    const interfaces = {
      lo: [address('IPv4', '127.0.0.1', true)],
      wlan0: [address('IPv6', 'fe80::1', false), address('IPv4', '192.168.1.20', false)],
      eth1: [address('IPv4', '10.0.0.5', false)],
    };
    expect(lanAddress(interfaces)).toBe('192.168.1.20');
  });

  it('falls back to localhost when the machine is offline', () => {
    expect(lanAddress({ lo: [address('IPv4', '127.0.0.1', true)], wlan0: undefined })).toBe('localhost');
  });
});
