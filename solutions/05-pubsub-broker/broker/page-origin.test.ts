import { describe, expect, it } from 'vitest';
import { isAllowedOrigin } from './page-origin';

const allowed = ['http://localhost:5173'];

describe('isAllowedOrigin', () => {
  it('allows the listed origins from any address', () => {
    expect(isAllowedOrigin('http://localhost:5173', 'localhost:3100', allowed)).toBe(true);
  });

  it('allows a page served from the address it connects to (same origin)', () => {
    expect(isAllowedOrigin('http://192.168.1.20:8000', '192.168.1.20:8000', allowed)).toBe(true);
    expect(isAllowedOrigin('https://class.example.org', 'Class.Example.org', allowed)).toBe(true);
  });

  it('refuses a page from anywhere else, and an origin that is not an address', () => {
    expect(isAllowedOrigin('http://evil.example', 'localhost:3100', allowed)).toBe(false);
    expect(isAllowedOrigin('http://192.168.1.20:8001', '192.168.1.20:8000', allowed)).toBe(false);
    expect(isAllowedOrigin('null', 'localhost:3100', allowed)).toBe(false);
    expect(isAllowedOrigin('http://evil.example', undefined, allowed)).toBe(false);
  });
});
