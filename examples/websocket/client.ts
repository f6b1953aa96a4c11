// The smallest WebSocket client: open, listen, send once it is open.

// #region client
// ws:// from http://, wss:// from https://
const url = location.origin.replace(/^http/, 'ws');
const ws = new WebSocket(url);

ws.onopen = () => {
  console.log('Connected');
  // Only now: send() before `open` throws
  ws.send('Hello, server!');
};

ws.onmessage = (event) => {
  console.log('Message from server:', event.data);
};

ws.onclose = () => {
  console.log('Disconnected');
};
// #endregion client
