// Request bodies no honest client sends: each must get a 4xx with a JSON error, and the server must live on.
import { gzipSync } from 'node:zlib';
import { errorText, type LoopbackResponse, loopbackRequest } from '../harness/loopback-request';

export interface BadBody {
  name: string;
  headers: Record<string, string>;
  body: string | Buffer;
}

const JSON_TYPE = { 'Content-Type': 'application/json' };

export function badBodies(): BadBody[] {
  return [
    { name: 'broken JSON', headers: JSON_TYPE, body: '{"title":' },
    { name: 'text/plain', headers: { 'Content-Type': 'text/plain' }, body: 'hello' },
    { name: 'JSON null', headers: JSON_TYPE, body: 'null' },
    { name: 'a JSON array', headers: JSON_TYPE, body: '[1,2,3]' },
    {
      name: 'numbers and objects where text belongs',
      headers: JSON_TYPE,
      body: '{"title":5,"message":{},"username":[],"text":7,"name":false,"questionId":{},"optionId":[]}',
    },
    {
      name: '__proto__ and constructor keys',
      headers: JSON_TYPE,
      body: '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
    },
    {
      name: 'arrays nested 5,000 levels',
      headers: JSON_TYPE,
      body: `${'['.repeat(5000)}${']'.repeat(5000)}`,
    },
    { name: 'a 17 MB body', headers: JSON_TYPE, body: `{"title":"${'x'.repeat(17_000_000)}"}` },
    {
      name: 'a gzip bomb (100 kB that inflate to 100 MB)',
      headers: { ...JSON_TYPE, 'Content-Encoding': 'gzip' },
      body: gzipSync(Buffer.alloc(100_000_000, ' ')),
    },
    {
      name: 'a charset nobody supports',
      headers: { 'Content-Type': 'application/json; charset=utf-7' },
      body: '{}',
    },
  ];
}

export interface BadBodyAnswer {
  name: string;
  status: number;
  error: string | undefined;
}

/** Sends every bad body to `url` one after another; the answers, for one assertion over all of them. */
export async function sendBadBodies(
  url: string,
  options: { from: string; headers?: Record<string, string> },
): Promise<BadBodyAnswer[]> {
  const answers: BadBodyAnswer[] = [];
  for (const bad of badBodies()) {
    const response: LoopbackResponse = await loopbackRequest(url, {
      method: 'POST',
      headers: { ...bad.headers, ...options.headers },
      body: bad.body,
      from: options.from,
    });
    answers.push({ name: bad.name, status: response.status, error: errorText(response) });
  }
  return answers;
}

/** The answers that are not a 4xx with a JSON error: an empty list is a pass. */
export function unclearAnswers(answers: BadBodyAnswer[]): BadBodyAnswer[] {
  return answers.filter((answer) => answer.status < 400 || answer.status > 499 || !answer.error);
}
