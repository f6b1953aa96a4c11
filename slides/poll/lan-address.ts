import { type NetworkInterfaceInfo, networkInterfaces } from 'node:os';

/**
 * The address phones in the same Wi-Fi can reach this machine at: the first IPv4 address that is not
 * internal (loopback). `localhost` when there is none, e.g. offline; then only this machine can vote.
 */
export function lanAddress(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces()): string {
  for (const addresses of Object.values(interfaces)) {
    const external = addresses?.find((address) => address.family === 'IPv4' && !address.internal);
    if (external) return external.address;
  }
  return 'localhost';
}
