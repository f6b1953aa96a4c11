import http from 'node:http';
import https from 'node:https';
import type { Request, RequestHandler } from 'express';

/** The class server's poll, as the presenter's poll server passes the talk's requests on to it. */
export interface PollRelayTarget {
  /** Where the class server serves the poll, e.g. `http://192.168.1.20:8000/poll`. */
  baseUrl: string;
  /** The instructor's key (CLASS_INSTRUCTOR_KEY): with it the slides may report the slide and start the break. */
  key?: string | undefined;
}

/** Headers that belong to one connection and must not be passed on to the next. */
const HOP_BY_HOP = ['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'host'];

/** How long the class server may take to accept the connection before the slides are told it does not answer. */
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * Passes every request under its mount path on to the class server's poll, and its answer back, streamed (the
 * event stream too). The slides keep talking to their own origin; the votes, the counts and the stage are the
 * class server's, where the phones vote. When `locate` names no target, the local poll answers. The key goes
 * only with requests `isPresenter` accepts (the laptop's own deck): a phone that finds this laptop must not
 * start the break with it.
 */
export function relayToClassPoll(
  locate: () => PollRelayTarget | undefined,
  isPresenter: (request: Request) => boolean,
): RequestHandler {
  return (request, response, next) => {
    const target = locate();
    if (!target) {
      next();
      return;
    }
    const url = new URL(`${target.baseUrl.replace(/\/+$/, '')}${request.originalUrl}`);
    const headers: http.OutgoingHttpHeaders = { ...request.headers };
    for (const name of HOP_BY_HOP) delete headers[name];
    delete headers.authorization;
    if (target.key && isPresenter(request)) headers.authorization = `Bearer ${target.key}`;
    const send = url.protocol === 'https:' ? https.request : http.request;
    const upstream = send(url, { method: request.method, headers }, (answer) => {
      response.status(answer.statusCode ?? 502);
      for (const [name, value] of Object.entries(answer.headers)) {
        if (value !== undefined && !HOP_BY_HOP.includes(name)) response.setHeader(name, value);
      }
      response.flushHeaders();
      answer.pipe(response);
      // The class server went away mid-stream (a restart): end ours too, so the slides' EventSource reconnects.
      answer.once('close', () => {
        if (!answer.complete) response.destroy();
      });
    });
    upstream.once('socket', (socket) => {
      if (!socket.connecting) return;
      const timer = setTimeout(
        () => upstream.destroy(new Error('no connection within 5 s')),
        CONNECT_TIMEOUT_MS,
      );
      socket.once('connect', () => clearTimeout(timer));
      socket.once('close', () => clearTimeout(timer));
    });
    upstream.on('error', (error) => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      response
        .status(502)
        .json({ error: `The class server's poll (${target.baseUrl}) does not answer: ${error.message}` });
    });
    // The slide went away (or reloaded): end its stream on the class server too.
    response.on('close', () => upstream.destroy());
    request.pipe(upstream);
  };
}
