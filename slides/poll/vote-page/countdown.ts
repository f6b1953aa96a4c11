// The break countdown, the same on the projector and on every phone: both count down to the server's time.

/**
 * How far this device's clock is behind the server's, from a message the server stamped with its time. The
 * message took a moment to arrive, so this is a few milliseconds off: far less than the second shown.
 */
export function clockOffsetMs(serverNow: number, deviceNow: number): number {
  return serverNow - deviceNow;
}

/** Milliseconds until `endsAt` (server clock), never below 0. */
export function remainingMs(endsAt: number, offsetMs: number, deviceNow: number): number {
  return Math.max(0, endsAt - (deviceNow + offsetMs));
}

/** `09:05`: whole seconds, rounded up, so the display reaches 00:00 exactly when the time is up. */
export function formatCountdown(milliseconds: number): string {
  const totalSeconds = Math.ceil(Math.max(0, milliseconds) / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}
