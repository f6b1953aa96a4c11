// The smallest short polling client: ask, show the answer, wait, ask again.

// #region short-poll
function shortPoll(): void {
  fetch('/api/data')
    .then((response) => response.text())
    .then((text) => console.log('Received:', text))
    .catch((error) => console.error('Failed:', error))
    // 2 s after this answer: requests never overlap
    .finally(() => setTimeout(shortPoll, 2_000));
}

// Start short polling
shortPoll();
// #endregion short-poll
