import type { Page } from '@playwright/test';

/** The path the specs open: the page polls every 500 ms instead of every 5 s, so that checks are quick. */
export const FAST_PAGE = '/?interval=500';
export const FAST_INTERVAL_MS = 500;
export const POLL_PATH = '/api/notifications';

/** One poll as the network saw it (times from Node's clock, in milliseconds). */
export interface RecordedPoll {
  url: string;
  startedAt: number;
  endedAt?: number;
  /** HTTP status; `undefined` while open or when the request failed. */
  status?: number;
  failed: boolean;
}

/** Records every GET of the poll endpoint the page makes, whatever client code sends it. */
export function recordPolls(page: Page): () => RecordedPoll[] {
  const polls: RecordedPoll[] = [];
  const open = new Map<object, RecordedPoll>();
  page.on('request', (request) => {
    if (request.method() !== 'GET' || !new URL(request.url()).pathname.endsWith(POLL_PATH)) return;
    const poll: RecordedPoll = { url: request.url(), startedAt: Date.now(), failed: false };
    polls.push(poll);
    open.set(request, poll);
  });
  page.on('requestfinished', async (request) => {
    const poll = open.get(request);
    if (!poll) return;
    open.delete(request);
    poll.endedAt = Date.now();
    // The page may close before the response is read; then the status stays unknown.
    poll.status = (await request.response().catch(() => null))?.status();
  });
  page.on('requestfailed', (request) => {
    const poll = open.get(request);
    if (!poll) return;
    open.delete(request);
    poll.endedAt = Date.now();
    poll.failed = true;
  });
  return () => [...polls];
}

/** A toast the page added: its notification id and title. */
export interface RecordedToast {
  id: string;
  title: string;
}

/**
 * Records every toast from the moment the page starts, even those added before the test gets control
 * (the first answer can arrive before `page.goto` returns). Call before `page.goto`.
 */
export async function recordToastsFromStart(page: Page): Promise<() => Promise<RecordedToast[]>> {
  await page.addInitScript(() => {
    const toasts: { id: string; title: string }[] = [];
    Object.assign(window, { recordedToasts: toasts });
    new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        for (const node of mutation.addedNodes) {
          if (!(node instanceof HTMLElement) || !node.classList.contains('toast')) continue;
          // The title is filled in right after the toast is added, in the same task.
          queueMicrotask(() =>
            toasts.push({
              id: node.dataset.id ?? '',
              title: node.querySelector('.toast-title')?.textContent ?? '',
            }),
          );
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });
  return () => page.evaluate(() => (window as unknown as { recordedToasts: RecordedToast[] }).recordedToasts);
}

/**
 * Records every value a toast's progress bar shows, by toast title. The page may show 100 % only briefly before
 * the toast leaves; this sees it even when the test runner is slow to look. Call before `page.goto`.
 */
export async function recordToastProgress(page: Page): Promise<(title: string) => Promise<number[]>> {
  await page.addInitScript(() => {
    const values: { title: string; value: number }[] = [];
    Object.assign(window, { recordedProgress: values });
    new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        for (const node of mutation.addedNodes) {
          if (!(node instanceof HTMLElement)) continue;
          const toast = node.closest('.toast');
          const bar = node.matches('progress') ? node : node.querySelector('progress');
          if (!toast || !(bar instanceof HTMLProgressElement)) continue;
          queueMicrotask(() =>
            values.push({ title: toast.querySelector('.toast-title')?.textContent ?? '', value: bar.value }),
          );
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });
  return (title) =>
    page.evaluate(
      (wanted) =>
        (window as unknown as { recordedProgress: { title: string; value: number }[] }).recordedProgress
          .filter((entry) => entry.title === wanted)
          .map((entry) => entry.value),
      title,
    );
}

/** Records every state the connection status pill shows (`connecting`, `open`, `error` …). Call before `page.goto`. */
export async function recordStatusStates(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const states: string[] = [];
    Object.assign(window, { recordedStates: states });
    new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        const target = mutation.target;
        if (target instanceof HTMLElement && target.classList.contains('connection-status')) {
          states.push(target.dataset.state ?? '');
        }
      }
    }).observe(document, { attributes: true, attributeFilter: ['data-state'], subtree: true });
  });
  return () => page.evaluate(() => (window as unknown as { recordedStates: string[] }).recordedStates);
}

/** What the page's own code saw of one `fetch` of the poll endpoint. */
export interface SeenFetch {
  ifNoneMatch: string | null;
  /** The status the page's code received; 0 while open or when the fetch failed. */
  status: number;
  /** The `Retry-After` header the page's code could read, if any. */
  retryAfter: string | null;
  /** Page clock (`performance.now()`, milliseconds) when the code called fetch, and when the answer came. */
  startedAt: number;
  answeredAt?: number;
  /** Page clock when the fetch failed (no answer at all, e.g. the network is down). */
  failedAt?: number;
}

/**
 * Wraps `window.fetch` to record what the client's code sends and receives, timed by the page's own clock.
 * Unlike the network view, this tells a 304 the code handled itself apart from one the browser's cache turned
 * into a 200, and its times do not depend on how fast the test runner hears of events. Call before `page.goto`.
 */
export async function recordFetches(page: Page): Promise<() => Promise<SeenFetch[]>> {
  await page.addInitScript((pollPath) => {
    const seen: SeenFetch[] = [];
    Object.assign(window, { seenFetches: seen });
    const originalFetch = window.fetch.bind(window);
    window.fetch = async (input, init) => {
      const request = new Request(input, init);
      if (!new URL(request.url).pathname.endsWith(pollPath)) return originalFetch(input, init);
      const record: SeenFetch = {
        ifNoneMatch: request.headers.get('If-None-Match'),
        status: 0,
        retryAfter: null,
        startedAt: performance.now(),
      };
      seen.push(record);
      let response: Response;
      try {
        response = await originalFetch(input, init);
      } catch (error) {
        record.failedAt = performance.now();
        throw error;
      }
      record.status = response.status;
      record.retryAfter = response.headers.get('Retry-After');
      record.answeredAt = performance.now();
      return response;
    };
  }, POLL_PATH);
  return () => page.evaluate(() => (window as unknown as { seenFetches: SeenFetch[] }).seenFetches);
}

/**
 * Makes the page believe its tab was hidden or shown, as when the user switches tabs. Returns the page's clock
 * (`performance.now()`) at that moment, to compare with the times of `recordFetches`.
 */
export function setTabVisibility(page: Page, state: 'hidden' | 'visible'): Promise<number> {
  return page.evaluate((visibility) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => visibility === 'hidden' });
    const changedAt = performance.now();
    document.dispatchEvent(new Event('visibilitychange'));
    return changedAt;
  }, state);
}

let titleCount = 0;
/** A title no other test uses, so assertions cannot match someone else's notification. */
export function uniqueTitle(label: string): string {
  titleCount += 1;
  return `${label} #${titleCount}-${Date.now()}`;
}

export function publish(baseUrl: string, body: unknown): Promise<Response> {
  return fetch(`${baseUrl}/notifications`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/**
 * Publishes to both servers: the page polls the reference server in Part 1 and yours after TODO 2.2, and
 * shows whichever it polls. Your server may not work yet, so only the reference server must accept it.
 */
export async function publishToBoth(
  servers: { referenceUrl: string; studentUrl: string },
  body: unknown,
): Promise<void> {
  const [reference] = await Promise.allSettled([
    publish(servers.referenceUrl, body),
    publish(servers.studentUrl, body),
  ]);
  if (reference.status !== 'fulfilled' || reference.value.status !== 201) {
    throw new Error('The reference server did not accept a new notification.');
  }
}

export function delay(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

export function isNotificationList(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  return value.every(
    (item) =>
      typeof item === 'object' &&
      item !== null &&
      ['id', 'title', 'message', 'time'].every((field) => field in item),
  );
}
