/**
 * How many messages one connection may send per second. Each chat message goes to everyone in the room and
 * each bad one gets an error reply, so a script sending in a loop would flood the room and our memory.
 */
export class MessageBudget {
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
