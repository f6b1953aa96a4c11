import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseClass, classOrigins, normalizeClassUrl, readClassPort } from './class-options';

const folders: string[] = [];
function envFile(text: string | undefined): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'class-options-'));
  folders.push(folder);
  const file = path.join(folder, '.env');
  if (text !== undefined) writeFileSync(file, text);
  return file;
}

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('chooseClass', () => {
  it('takes --class first, then WORKSHOP_CLASS, then the .env file', () => {
    const file = envFile('# the room\nWORKSHOP_CLASS=http://10.0.0.9:8000\n');
    expect(chooseClass('http://192.168.1.20:8000/', { WORKSHOP_CLASS: 'http://a:1' }, file)).toEqual({
      url: 'http://192.168.1.20:8000',
      source: '--class',
    });
    expect(chooseClass(undefined, { WORKSHOP_CLASS: 'http://a:1' }, file)).toEqual({
      url: 'http://a:1',
      source: 'WORKSHOP_CLASS',
    });
    expect(chooseClass(undefined, {}, file)).toEqual({ url: 'http://10.0.0.9:8000', source: '.env' });
  });

  it('uses the local reference server without any, or with --class off', () => {
    expect(chooseClass(undefined, {}, envFile(undefined))).toBeUndefined();
    expect(
      chooseClass('off', { WORKSHOP_CLASS: 'http://a:1' }, envFile('WORKSHOP_CLASS=http://b:2')),
    ).toBeUndefined();
    expect(
      chooseClass(undefined, { WORKSHOP_CLASS: 'off' }, envFile('WORKSHOP_CLASS=http://b:2')),
    ).toBeUndefined();
  });
});

describe('normalizeClassUrl', () => {
  it('keeps https and a path, and drops the trailing slash', () => {
    expect(normalizeClassUrl('https://class.example.org/workshop/')).toBe(
      'https://class.example.org/workshop',
    );
    expect(normalizeClassUrl(' http://192.168.1.20:8000 ')).toBe('http://192.168.1.20:8000');
  });

  it('takes an address typed without http://', () => {
    expect(normalizeClassUrl('192.168.1.20:8000')).toBe('http://192.168.1.20:8000');
    expect(normalizeClassUrl('localhost:8000')).toBe('http://localhost:8000');
  });

  it('names what is wrong with an address it cannot use', () => {
    expect(() => normalizeClassUrl('ws://192.168.1.20:8000')).toThrow(
      '--class needs an http:// or https:// address, got "ws://192.168.1.20:8000".',
    );
    expect(() => normalizeClassUrl('not an address')).toThrow(
      '--class needs an address like http://192.168.1.20:8000, got "not an address".',
    );
    expect(() => normalizeClassUrl('http://h:8000/?x=1')).toThrow('without ? or #');
  });
});

describe('classOrigins', () => {
  it('allows the students’ own pages, the class server’s addresses and what the instructor added', () => {
    expect(
      classOrigins({
        classPort: 8000,
        lanAddresses: ['192.168.1.20'],
        extra: ['https://class.example.org/path'],
      }),
    ).toEqual([
      'http://localhost:5173',
      'http://127.0.0.1:5173',
      'http://localhost:8000',
      'http://127.0.0.1:8000',
      'http://192.168.1.20:8000',
      'https://class.example.org',
    ]);
  });

  it('refuses an origin that is not an http(s) address', () => {
    expect(() => classOrigins({ classPort: 8000, lanAddresses: [], extra: ['ftp://x'] })).toThrow(
      '--origin needs an http:// or https:// address, got "ftp://x".',
    );
  });
});

describe('readClassPort', () => {
  it('reads a port, and explains a wrong one', () => {
    expect(readClassPort(undefined, 8000)).toBe(8000);
    expect(readClassPort('9000', 8000)).toBe(9000);
    expect(() => readClassPort('80a', 8000)).toThrow('whole number from 0 to 65535, got "80a"');
  });
});
