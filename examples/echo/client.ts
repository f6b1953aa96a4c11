// The echo server's client: two messages, and what comes back.
const ws = new WebSocket(location.origin.replace(/^http/, 'ws'));

ws.onopen = () => {
  ws.send('Hello, echo!');
  ws.send(`A long one: ${'x'.repeat(150)}`);
};

ws.onmessage = (event) => {
  console.log(`Echo (${String(event.data).length} characters):`, event.data);
};
