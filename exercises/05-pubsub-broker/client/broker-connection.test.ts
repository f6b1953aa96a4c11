import { describe, expect, it } from 'vitest';
import { connectUrl } from './broker-connection';

describe('connectUrl', () => {
  it("turns the broker's http:// address into its WebSocket address with the token", () => {
    expect(connectUrl('http://localhost:4100', 'abc')).toBe('ws://localhost:4100/connect?token=abc');
  });

  it('uses wss:// for an https:// broker', () => {
    expect(connectUrl('https://broker.example.org', 'abc')).toBe(
      'wss://broker.example.org/connect?token=abc',
    );
  });

  it('keeps the path of a broker behind the class server, with or without a trailing slash', () => {
    expect(connectUrl('https://class.example.org/05/broker', 't')).toBe(
      'wss://class.example.org/05/broker/connect?token=t',
    );
    expect(connectUrl('http://192.168.1.20:8000/05/broker/', 't')).toBe(
      'ws://192.168.1.20:8000/05/broker/connect?token=t',
    );
  });

  it('encodes the token, whatever characters it has', () => {
    expect(connectUrl('http://localhost:4100', 'a+b/c=')).toBe(
      'ws://localhost:4100/connect?token=a%2Bb%2Fc%3D',
    );
  });
});
