import { afterEach, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../protocol/messages';
import { type ChatServer, createChatServer } from './app';

const INSTRUCTOR_KEY = 'a-key-of-sixteen-or-more';
let server: ChatServer | undefined;
let baseUrl = '';

/** `null`: a student's own server, started without INSTRUCTOR_KEY. */
async function startServer(instructorKey: string | null = INSTRUCTOR_KEY): Promise<void> {
  server = createChatServer({
    transport: 'websocket',
    allowedOrigins: [],
    ...(instructorKey ? { instructorKey } : {}),
  });
  const { port } = await server.listen(0);
  baseUrl = `http://127.0.0.1:${port}`;
}

afterEach(async () => {
  await server?.close();
  server = undefined;
});

function moderate(body: unknown, key = INSTRUCTOR_KEY): Promise<Response> {
  return fetch(`${baseUrl}/moderation`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` },
    body: JSON.stringify(body),
  });
}

function post(username: string, message: string): Promise<Response> {
  return fetch(`${baseUrl}/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, message }),
  });
}

async function messages(): Promise<ChatMessage[]> {
  return (await (await fetch(`${baseUrl}/messages`)).json()) as ChatMessage[];
}

async function errorOf(response: Response): Promise<string> {
  return ((await response.json()) as { error: string }).error;
}

describe('POST /moderation', () => {
  it('mutes a name (403 for its posts), sets slow mode (429 for a second post), and says the rules', async () => {
    await startServer();
    const muted = await moderate({ action: 'mute', username: 'Ada' });
    expect(await muted.json()).toEqual({ muted: ['ada'], slowModeSeconds: 0 });
    const refused = await post('ada', 'Hello?');
    expect(refused.status).toBe(403);
    expect(await errorOf(refused)).toBe('The instructor has muted the name "ada".');

    expect((await moderate({ action: 'slow', seconds: 30 })).status).toBe(200);
    expect((await post('Grace', 'One')).status).toBe(201);
    const tooSoon = await post('Grace', 'Two');
    expect(tooSoon.status).toBe(429);
    expect(await errorOf(tooSoon)).toMatch(/^Slow mode: one message every 30 s per name; wait (30|29) s\.$/);
    const rules = await fetch(`${baseUrl}/moderation`, {
      headers: { Authorization: `Bearer ${INSTRUCTOR_KEY}` },
    });
    expect(await rules.json()).toEqual({ muted: ['ada'], slowModeSeconds: 30 });
    expect((await messages()).map((message) => message.message)).toEqual(['One']);
  });

  it('writes as Instructor, deletes a message and clears the room, each with a notice for the pages', async () => {
    await startServer();
    expect((await moderate({ action: 'say', message: 'Break until 10:15' })).status).toBe(200);
    const ada = (await (await post('Ada', 'Spam')).json()) as ChatMessage;
    expect((await moderate({ action: 'delete', id: ada.id })).status).toBe(200);
    const afterDelete = await messages();
    expect(afterDelete.map((message) => message.message)).toEqual([
      'Break until 10:15',
      'Removed a message by Ada.',
    ]);
    expect(afterDelete[1]).toMatchObject({ username: 'Instructor', removes: [ada.id] });
    const again = await moderate({ action: 'delete', id: ada.id });
    expect(again.status).toBe(404);
    expect(await errorOf(again)).toMatch(/No message .* in the chat/);

    expect((await moderate({ action: 'clear' })).status).toBe(200);
    const cleared = await messages();
    expect(cleared).toHaveLength(1);
    expect(cleared[0]).toMatchObject({ username: 'Instructor', message: 'Cleared the chat.' });
    expect(cleared[0]?.removes).toHaveLength(2);
  });

  it('refuses a wrong key (401), bad actions (400), posts as "Instructor" (403), and is 404 without a key', async () => {
    await startServer();
    const wrongKey = await moderate({ action: 'clear' }, 'not-the-instructor-key');
    expect(wrongKey.status).toBe(401);
    expect(await errorOf(wrongKey)).toMatch(/Only the instructor/);
    const noHeader = await fetch(`${baseUrl}/moderation`, { method: 'POST' });
    expect(noHeader.status).toBe(401);
    const bad = await moderate({ action: 'slow', seconds: -5 });
    expect(bad.status).toBe(400);
    expect(await errorOf(bad)).toMatch(/seconds must be a whole number/);
    const impostor = await post('Instructor', 'Homework cancelled!');
    expect(impostor.status).toBe(403);
    expect(await errorOf(impostor)).toMatch(/kept for the instructor/);
    await server?.close();

    await startServer(null);
    const off = await moderate({ action: 'clear' });
    expect(off.status).toBe(404);
    expect(await errorOf(off)).toMatch(/Moderation is off/);
  });
});
