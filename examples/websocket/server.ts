// `pnpm example websocket`: the smallest WebSocket server with the `ws` package: it greets each client and
// sends every message to everyone. (The kit's version, with validation and limits: exercise 04.)
import { createServer } from 'node:http';
import express from 'express';
import { WebSocket, WebSocketServer } from 'ws';
import { serveExamplePage, startExample } from '../example-page';

const app = express();
serveExamplePage(app, {
  name: 'websocket',
  lead: 'One connection, messages in both directions. Open a second tab: it sees the first one’s hello too.',
  folder: import.meta.dirname,
});
const server = createServer(app);

// #region server
const wss = new WebSocketServer({ server });

// A client connects
wss.on('connection', (ws) => {
  console.log('Client connected');

  // A message: pass it on to everyone (sender too)
  ws.on('message', (message) => {
    for (const client of wss.clients) {
      if (client.readyState === WebSocket.OPEN) {
        client.send(message.toString());
      }
    }
  });

  // The client disconnects
  ws.on('close', () => console.log('Client disconnected'));

  ws.send('Welcome!');
});
// #endregion server

startExample('websocket', server);
