// `pnpm example short-polling`: the smallest short polling server. It answers at once, whether or not
// something changed; the client has to ask again and again. (The kit's version: exercise 01.)
import { createServer } from 'node:http';
import express from 'express';
import { serveExamplePage, startExample } from '../example-page';

const app = express();
let count = 0;
// The "news": a number that changes every 2 seconds.
setInterval(() => {
  count += 1;
}, 2_000);

// #region server
app.get('/api/data', (_request, response) => {
  response.json({ count, time: new Date().toISOString() });
});
// #endregion server

serveExamplePage(app, {
  name: 'short-polling',
  lead: 'The client asks every 2 seconds; most answers bring nothing new.',
  folder: import.meta.dirname,
});
startExample('short-polling', createServer(app));
