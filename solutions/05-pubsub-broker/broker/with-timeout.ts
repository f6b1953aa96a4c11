/**
 * Rejects when `promise` has not settled within `timeoutMs`. A Redis that stopped answering leaves its
 * commands waiting without end (node-redis queues them); a subscriber must hear `unavailable` instead.
 */
export function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} got no answer within ${timeoutMs} ms.`)), timeoutMs);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}
