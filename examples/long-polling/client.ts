// The smallest long polling client: one request at a time, and the next one right after each answer.

// #region long-poll
async function longPoll(): Promise<void> {
  try {
    const response = await fetch('/api/updates');
    // 204: nothing new within the server's time limit; just ask again.
    if (response.status === 200) console.log('Received:', JSON.stringify(await response.json()));
  } catch (error) {
    console.error('Request failed, trying again in 2 s:', error);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
  longPoll();
}

longPoll();
// #endregion long-poll
