import type {
  Alert,
  BoardSnapshot,
  ErrorResponse,
  Idea,
  Round,
  RoundPhase,
  SessionResponse,
  TokenResponse,
} from '../protocol/messages';

/** An answer of the app backend that is not 2xx, with the backend's own `error` text as its message. */
export class AppApiError extends Error {
  /** The HTTP status, e.g. 401 when the backend does not know the session (it restarted: join again). */
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.name = 'AppApiError';
    this.status = status;
  }
}

/**
 * The app backend's HTTP API: plain request and response, one method per route. The backend never holds a
 * connection to the page; live updates come from the broker.
 */
export class AppApi {
  readonly #origin: string;

  /** `origin` is the backend's address, e.g. `http://localhost:4000`. */
  constructor(origin: string) {
    this.#origin = origin;
  }

  /** `POST /api/session`: join the board under `name`. */
  join(name: string): Promise<SessionResponse> {
    return this.#request('POST', '/api/session', { body: { name } });
  }

  /** `POST /api/token`: a fresh subscribe token; tokens live only a few minutes. */
  token(sessionKey: string): Promise<TokenResponse> {
    return this.#request('POST', '/api/token', { key: sessionKey });
  }

  /** `GET /api/board`: every idea, the current round, the last event's id and the server's clock. */
  board(): Promise<BoardSnapshot> {
    return this.#request('GET', '/api/board');
  }

  /** `POST /api/ideas`: post an idea; it reaches every page (yours too) through the broker. */
  postIdea(sessionKey: string, text: string): Promise<Idea> {
    return this.#request('POST', '/api/ideas', { key: sessionKey, body: { text } });
  }

  /** `POST /api/round` (instructor): start this phase now. */
  startRound(instructorKey: string, phase: RoundPhase): Promise<Round> {
    return this.#request('POST', '/api/round', { key: instructorKey, body: { phase } });
  }

  /** `POST /api/alerts` (instructor): a message to everyone. */
  sendAlert(instructorKey: string, text: string): Promise<Alert> {
    return this.#request('POST', '/api/alerts', { key: instructorKey, body: { text } });
  }

  async #request<Answer>(
    method: 'GET' | 'POST',
    path: string,
    { key, body }: { key?: string; body?: unknown } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (key !== undefined) headers.Authorization = `Bearer ${key}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';

    let response: Response;
    try {
      response = await fetch(`${this.#origin}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      // fetch only says "Failed to fetch"; this says which server to start.
      throw new AppApiError(0, `Could not reach the app backend at ${this.#origin}. Is it running?`);
    }
    if (!response.ok) throw new AppApiError(response.status, await errorText(response));
    return (await response.json()) as Answer;
  }
}

/** The backend's `{ "error": "…" }` text, or the status when the body is something else. */
async function errorText(response: Response): Promise<string> {
  const body = (await response.json().catch(() => ({}))) as Partial<ErrorResponse>;
  return typeof body.error === 'string' && body.error
    ? body.error
    : `The app backend answered ${response.status}.`;
}
