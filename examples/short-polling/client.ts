// The smallest short polling client: ask, show the answer, wait, ask again.
const POLL_INTERVAL_MS = 2_000;

// #region short-poll
function shortPoll(): void {
  fetch('/api/data')
    .then((response) => response.json())
    .then((data) => console.log('Received:', JSON.stringify(data)))
    .catch((error) => console.error('Request failed:', error))
    // The next request 2 s after this answer: a slow answer never overlaps the next one.
    .finally(() => setTimeout(shortPoll, POLL_INTERVAL_MS));
}

// Start short polling
shortPoll();
// #endregion short-poll
