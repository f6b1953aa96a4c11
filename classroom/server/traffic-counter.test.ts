import { describe, expect, it } from 'vitest';
import { TrafficCounter } from './traffic-counter';

describe('TrafficCounter', () => {
  it('counts waiting requests, event streams and WebSockets until they end, each end once', () => {
    const traffic = new TrafficCounter(['/02', '/04']);
    const longPoll = traffic.requestStarted('/02');
    const stream = traffic.requestStarted('/04');
    stream.streamStarted();
    const closeSocket = traffic.webSocketOpened('/04');
    expect(traffic.snapshot()).toEqual([
      { prefix: '/02', webSockets: 0, eventStreams: 0, openRequests: 1, requestsLastMinute: 1 },
      { prefix: '/04', webSockets: 1, eventStreams: 1, openRequests: 0, requestsLastMinute: 1 },
    ]);
    longPoll.ended();
    longPoll.ended();
    stream.ended();
    stream.streamStarted();
    closeSocket();
    closeSocket();
    expect(traffic.snapshot()).toEqual([
      { prefix: '/02', webSockets: 0, eventStreams: 0, openRequests: 0, requestsLastMinute: 1 },
      { prefix: '/04', webSockets: 0, eventStreams: 0, openRequests: 0, requestsLastMinute: 1 },
    ]);
  });

  it('counts the requests of the last minute only', () => {
    let now = 1_000_000;
    const traffic = new TrafficCounter(['/01'], () => now);
    for (let index = 0; index < 5; index += 1) traffic.requestStarted('/01').ended();
    now += 30_000;
    traffic.requestStarted('/01').ended();
    expect(traffic.snapshot()[0]?.requestsLastMinute).toBe(6);
    now += 31_000;
    expect(traffic.snapshot()[0]?.requestsLastMinute).toBe(1);
    now += 60_000;
    expect(traffic.snapshot()[0]?.requestsLastMinute).toBe(0);
  });

  it('names a route it does not know', () => {
    expect(() => new TrafficCounter(['/01']).requestStarted('/09')).toThrow('No class route /09.');
  });
});
