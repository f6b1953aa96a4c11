// `pnpm example sse`: the smallest Server-Sent Events server. One request, and the answer never ends: an
// event every second, every third one with a name. (The kit's version: exercise 03.)
import { createServer } from 'node:http';
import express from 'express';
import { serveExamplePage, startExample } from '../example-page';

const app = express();

// #region server
app.get('/events', (request, response) => {
  response.writeHead(200, {
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-cache',
  });
  let count = 0;
  const timer = setInterval(() => {
    count += 1;
    // No name: the client's onmessage gets it
    response.write(`data: tick ${count}\n\n`);
    // Named: only addEventListener gets it
    if (count % 3 === 0) {
      response.write('event: custom-event\n');
      response.write('data: 3rd tick\n\n');
    }
  }, 1_000);
  // Client gone: stop writing
  request.on('close', () => clearInterval(timer));
});
// #endregion server

serveExamplePage(app, {
  name: 'sse',
  lead: 'One request, one answer that never ends: an event every second, every third one named.',
  folder: import.meta.dirname,
});
startExample('sse', createServer(app));
