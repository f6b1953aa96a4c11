// The smallest EventSource client: unnamed and named events, errors, and closing.
let received = 0;

// #region event-source
const eventSource = new EventSource('/events');

// Messages without an event name
eventSource.onmessage = (event) => {
  console.log('message:', event.data);
  received += 1;
  // Enough: after close() the browser does not reconnect any more.
  if (received === 10) {
    eventSource.close();
    console.log('Closed after 10 messages.');
  }
};

// Messages with the event name "custom-event"
eventSource.addEventListener('custom-event', (event) => {
  console.log('custom-event:', event.data);
});

// The connection broke: the browser reconnects by itself
eventSource.onerror = () => {
  console.error('Connection lost; the browser reconnects …');
};
// #endregion event-source
