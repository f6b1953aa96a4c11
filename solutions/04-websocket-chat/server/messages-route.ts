import express, { type Router } from 'express';
import { parseChatInput } from './chat-input';
import type { ChatRoom } from './chat-room';
import { type RateLimiter, rateLimit } from './rate-limit';

/** Bodies larger than this get 413: a chat message is at most a thousand characters. */
const MAX_BODY_SIZE = '16kb';

/**
 * `GET /messages` lists what is stored; `POST /messages` posts a message to everyone, whichever way they are
 * connected. The SSE variant sends with it; with WebSockets it lets you chat from the command line:
 * `curl -X POST localhost:8080/messages -H 'Content-Type: application/json' -d '{"username":"curl","message":"Hi!"}'`
 */
export function createMessagesRouter(room: ChatRoom, postLimiter: RateLimiter): Router {
  const router = express.Router();

  router.get('/messages', (_request, response) => {
    response.json(room.list());
  });

  // Counted before the body is read: a script in a loop costs us a counter, not a parsed body.
  router.post(
    '/messages',
    rateLimit(postLimiter, 'messages'),
    express.json({ limit: MAX_BODY_SIZE }),
    (request, response) => {
      if (!request.is('application/json')) {
        response.status(415).json({ error: 'Send the message as JSON with Content-Type: application/json.' });
        return;
      }
      const input = parseChatInput(request.body);
      if (!input.ok) {
        response.status(400).json({ error: input.error });
        return;
      }
      const posted = room.post(input.value);
      if (!posted.ok) {
        // Slow mode is a matter of waiting; a muted or reserved name is not.
        response.status(posted.reason === 'slow' ? 429 : 403).json({ error: posted.error });
        return;
      }
      response.status(201).json(posted.message);
    },
  );

  return router;
}
