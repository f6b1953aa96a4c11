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

  it('encodes the token, whatever characters it has', () => {
    expect(connectUrl('http://localhost:4100', 'a+b/c=')).toBe(
      'ws://localhost:4100/connect?token=a%2Bb%2Fc%3D',
    );
  });
});
