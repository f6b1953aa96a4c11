/**
 * How much of something each client address holds (open streams, devices that voted), so that one address
 * cannot take what the whole room shares. Entries at zero are removed: memory stays bounded by what is held.
 */
export class AddressCounter {
  readonly #counts = new Map<string, number>();

  count(key: string): number {
    return this.#counts.get(key) ?? 0;
  }

  add(key: string): void {
    this.#counts.set(key, this.count(key) + 1);
  }

  remove(key: string): void {
    const left = this.count(key) - 1;
    if (left > 0) this.#counts.set(key, left);
    else this.#counts.delete(key);
  }
}

/** The presenter's laptop runs the poll server and the deck: its requests come from a loopback address. */
export function isLoopback(address: string): boolean {
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}
