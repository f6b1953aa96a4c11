import express, { type Response, type Router } from 'express';
import type { ModerationAction } from '../protocol/messages';
import type { ChatRoom } from './chat-room';
import { hasInstructorKey } from './instructor-key';
import { parseModerationInput } from './moderation-input';

/**
 * `POST /moderation` (and `GET` for the rules now): the instructor's actions on the class chat, with
 * `Authorization: Bearer <instructor key>`. Without INSTRUCTOR_KEY (a student's own server) there is none: 404.
 */
export function createModerationRouter(room: ChatRoom, instructorKey: string | undefined): Router {
  const router = express.Router();

  router.use('/moderation', (request, response, next) => {
    if (instructorKey === undefined) {
      response
        .status(404)
        .json({ error: 'Moderation is off: it needs INSTRUCTOR_KEY (pnpm class sets it).' });
      return;
    }
    if (!hasInstructorKey(request.get('Authorization'), instructorKey)) {
      response
        .status(401)
        .json({ error: 'Only the instructor may do this: send Authorization: Bearer <instructor key>.' });
      return;
    }
    next();
  });

  router.get('/moderation', (_request, response) => {
    response.json(room.moderation.state);
  });

  router.post('/moderation', express.json({ limit: '4kb' }), (request, response) => {
    const input = parseModerationInput(request.body);
    if (!input.ok) {
      response.status(400).json({ error: input.error });
      return;
    }
    apply(room, input.value, response);
  });

  return router;
}

function apply(room: ChatRoom, action: ModerationAction, response: Response): void {
  switch (action.action) {
    case 'say':
      room.announce(action.message);
      break;
    case 'delete':
      if (!room.remove(action.id)) {
        response
          .status(404)
          .json({ error: `No message ${action.id} in the chat (already removed, or too old).` });
        return;
      }
      break;
    case 'clear':
      room.clear();
      break;
    case 'mute':
      room.moderation.mute(action.username);
      break;
    case 'unmute':
      room.moderation.unmute(action.username);
      break;
    case 'slow':
      room.moderation.setSlowMode(action.seconds);
      break;
  }
  response.json(room.moderation.state);
}
