// `pnpm example echo`: the echo server of the Stud.IP talk: every message comes back, cut to 100 characters.
import { createServer } from 'node:http';
import express from 'express';
import { WebSocketServer } from 'ws';
import { serveExamplePage, startExample } from '../example-page';

const app = express();
serveExamplePage(app, {
  name: 'echo',
  lead: 'Every message comes back to its sender, at most 100 characters of it.',
  folder: import.meta.dirname,
});

// #region echo
const server = createServer(app);
const wss = new WebSocketServer({ server });

wss.on('connection', (ws) => {
  console.log('Client connected');

  ws.on('message', (message) => {
    const echoData = message.toString().slice(0, 100);
    ws.send(echoData);
  });

  ws.on('close', () => console.log('Client disconnected'));
});
// #endregion echo

startExample('echo', server);
