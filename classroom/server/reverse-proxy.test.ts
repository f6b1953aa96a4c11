import type http from 'node:http';
import { describe, expect, it } from 'vitest';
import { forwardedHeaders } from './reverse-proxy';

/** A request as the front door sees it: from `remoteAddress`, with these headers. */
function requestFrom(remoteAddress: string, headers: http.IncomingHttpHeaders): http.IncomingMessage {
  return { headers, socket: { remoteAddress } } as unknown as http.IncomingMessage;
}

const proxied = {
  host: '127.0.0.1:8000',
  'x-forwarded-for': '203.0.113.7',
  'x-forwarded-host': 'class.example.org',
  'x-forwarded-proto': 'https',
};

describe('forwardedHeaders', () => {
  it('passes on the address and scheme a TLS proxy on this host was asked for', () => {
    expect(forwardedHeaders(requestFrom('127.0.0.1', proxied))).toMatchObject({
      'x-forwarded-for': '203.0.113.7, 127.0.0.1',
      'x-forwarded-host': 'class.example.org',
      'x-forwarded-proto': 'https',
    });
  });

  it('names its own host and scheme for a device in the room, whatever the device claims', () => {
    expect(forwardedHeaders(requestFrom('192.168.1.30', proxied))).toMatchObject({
      'x-forwarded-for': '203.0.113.7, 192.168.1.30',
      'x-forwarded-host': '127.0.0.1:8000',
      'x-forwarded-proto': 'http',
    });
  });

  it('names its own host and scheme when nothing is forwarded', () => {
    expect(forwardedHeaders(requestFrom('::ffff:127.0.0.1', { host: '192.168.1.20:8000' }))).toMatchObject({
      'x-forwarded-for': '::ffff:127.0.0.1',
      'x-forwarded-host': '192.168.1.20:8000',
      'x-forwarded-proto': 'http',
    });
  });
});
