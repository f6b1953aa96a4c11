// A script that publishes in a loop: it must meet a limit per address, while another device is still served.
import { errorText, type LoopbackResponse, postJson } from '../harness/loopback-request';

export interface FloodResult {
  /** Requests answered with a 2xx before the first refusal. */
  accepted: number;
  /** The first refusal, or undefined when `maxAttempts` went through. */
  refused: LoopbackResponse | undefined;
}

/** POSTs `body()` one after another from `from` until the server refuses one, at most `maxAttempts` times. */
export async function floodUntilRefused(
  url: string,
  body: (index: number) => unknown,
  options: { from: string; maxAttempts: number; headers?: Record<string, string> },
): Promise<FloodResult> {
  let accepted = 0;
  for (let index = 0; index < options.maxAttempts; index += 1) {
    const response = await postJson(url, body(index), { from: options.from, headers: options.headers });
    if (response.status >= 200 && response.status < 300) {
      accepted += 1;
      continue;
    }
    return { accepted, refused: response };
  }
  return { accepted, refused: undefined };
}

/** What a refusal must say: 429, when to come back, and why in words. */
export function describeRefusal(response: LoopbackResponse | undefined): {
  status: number | undefined;
  retryAfterSeconds: number;
  error: string | undefined;
} {
  return {
    status: response?.status,
    retryAfterSeconds: Number(response?.headers['retry-after'] ?? Number.NaN),
    error: response ? errorText(response) : undefined,
  };
}
