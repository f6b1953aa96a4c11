// `pnpm example long-polling`: the smallest long polling server. It holds each request until there is news,
// and answers 204 after 25 s at the latest, so no proxy cuts it off. (The kit's version: exercise 02.)
import { EventEmitter } from 'node:events';
import { createServer } from 'node:http';
import express from 'express';
import { serveExamplePage, startExample } from '../example-page';

interface News {
  count: number;
  time: string;
}

const app = express();
const news = new EventEmitter<{ news: [News] }>();
let count = 0;
// The "news": one every 2 seconds.
setInterval(() => {
  count += 1;
  news.emit('news', { count, time: new Date().toISOString() });
}, 2_000);

// #region server
app.get('/api/updates', (request, response) => {
  // Wait for the next news …
  const onNews = (data: News) => {
    stopWaiting();
    response.json(data);
  };
  // … but not forever: 204 after 25 s
  const timeout = setTimeout(() => {
    stopWaiting();
    response.status(204).end();
  }, 25_000);
  function stopWaiting(): void {
    news.off('news', onNews);
    clearTimeout(timeout);
  }
  news.on('news', onNews);
  // Client gone before any news: stop waiting
  request.on('close', stopWaiting);
});
// #endregion server

serveExamplePage(app, {
  name: 'long-polling',
  lead: 'The server holds each request until there is news; the client asks again right after each answer.',
  folder: import.meta.dirname,
});
startExample('long-polling', createServer(app));
