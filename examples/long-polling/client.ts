// The smallest long polling client: one request at a time, and the next one right after each answer.

// #region long-poll
async function longPoll(): Promise<void> {
  try {
    const response = await fetch('/api/updates');
    // 204: nothing new in time; just ask again
    if (response.status === 200) {
      console.log('Received:', await response.text());
    }
  } catch (error) {
    console.error('Failed, again in 2 s:', error);
    await new Promise((done) => setTimeout(done, 2_000));
  }
  longPoll();
}

longPoll();
// #endregion long-poll
