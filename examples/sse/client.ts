// The smallest EventSource client: unnamed and named events, errors, and closing.

// #region event-source
const eventSource = new EventSource('/events');

// Messages without an event name
eventSource.onmessage = (event) => {
  console.log('message:', event.data);
};

// Messages named "custom-event"
eventSource.addEventListener('custom-event', (event) => {
  console.log('custom-event:', event.data);
});

// Broken: the browser reconnects by itself
eventSource.onerror = () => {
  console.error('Connection lost, reconnecting …');
};

// Enough: no more events, and no reconnecting
setTimeout(() => eventSource.close(), 10_000);
// #endregion event-source
