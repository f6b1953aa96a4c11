/**
 * How many commands one connection may send per second. Each subscribe and unsubscribe tells every other
 * subscriber of the channel (presence), so a client toggling in a loop would flood everyone else.
 */
export class CommandBudget {
  readonly #perSecond: number;
  #windowStart = 0;
  #used = 0;

  constructor(perSecond: number) {
    this.#perSecond = perSecond;
  }

  /** True while this second's budget lasts. */
  take(now = Date.now()): boolean {
    if (now - this.#windowStart >= 1_000) {
      this.#windowStart = now;
      this.#used = 0;
    }
    this.#used += 1;
    return this.#used <= this.#perSecond;
  }
}
