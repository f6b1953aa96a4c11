/**
 * Published data may nest objects and arrays this deep. Far more than any app needs, and far below what
 * breaks the broker: Redis's cjson refuses more than 1,000 levels, and JSON.stringify of a few thousand
 * overflows the stack, after the message was already stored.
 */
export const MAX_DATA_DEPTH = 32;

/** How deep `value` nests objects and arrays (a string or number: 0, `{}`: 1), counted up to `limit` + 1. */
export function jsonDepth(value: unknown, limit = MAX_DATA_DEPTH): number {
  let deepest = 0;
  // A loop with its own stack: recursion into hostile data is exactly what overflows.
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    const depth = next.depth + 1;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    for (const child of Object.values(next.value)) pending.push({ value: child, depth });
  }
  return deepest;
}
