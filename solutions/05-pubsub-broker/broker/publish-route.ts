import express, { type RequestHandler, type Router } from 'express';
import type { PositionResponse, PublishResponse } from '../protocol/messages';
import type { BrokerEngine } from './broker-engine';
import { parsePublishRequest } from './publish-input';
import { hasPublisherKey } from './publisher-key';

/** A message (with its JSON data) larger than this gets 413: the broker carries events, not files. */
const MAX_BODY_SIZE = '64kb';

/**
 * `POST /publish`: the app backend hands one event to the broker, which stores it in the channel's history
 * and fans it out to every subscriber of the channel on every instance.
 */
export function createPublishRouter(engine: BrokerEngine, publisherKey: string): Router {
  const router = express.Router();

  const requirePublisherKey: RequestHandler = (request, response, next) => {
    // Checked before the body is read: without the key, nothing of the request is looked at.
    if (hasPublisherKey(request.get('Authorization'), publisherKey)) {
      next();
      return;
    }
    response.setHeader('WWW-Authenticate', 'Bearer realm="publish"');
    response.status(401).json({ error: 'Publishing needs the publisher key: Authorization: Bearer <key>.' });
  };

  // The app backend asks before its first publish, so that its snapshot can name a position to subscribe from.
  router.get('/position', requirePublisherKey, async (_request, response) => {
    try {
      const answer: PositionResponse = { lastEventId: await engine.position() };
      response.json(answer);
    } catch (error) {
      console.error(`Position failed: ${String(error)}`);
      response.status(503).json({ error: 'The broker cannot read its position right now; try again.' });
    }
  });

  router.post(
    '/publish',
    requirePublisherKey,
    express.json({ limit: MAX_BODY_SIZE, strict: false }),
    async (request, response) => {
      if (!request.is('application/json')) {
        response.status(415).json({ error: 'Send the message as JSON with Content-Type: application/json.' });
        return;
      }
      const input = parsePublishRequest(request.body);
      if (!input.ok) {
        response.status(400).json({ error: input.error });
        return;
      }
      try {
        const message = await engine.publish(input.value.channel, input.value.event, input.value.data);
        const answer: PublishResponse = { id: message.id };
        response.status(202).json(answer);
      } catch (error) {
        console.error(`Publish failed: ${String(error)}`);
        response.status(503).json({ error: 'The broker cannot store messages right now; try again.' });
      }
    },
  );

  return router;
}
