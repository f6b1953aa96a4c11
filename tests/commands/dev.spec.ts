// `pnpm dev` exactly as the README tells students and instructors to type it, on the documented ports:
// every labelled process starts and answers, and Ctrl+C leaves no process and no port behind.
// (The harness of the other specs starts exercises on free ports; this spec is what students see.)
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { findExercise, ROOT } from '../../scripts/exercise-catalog';
import { removeScratchFolder } from '../../scripts/scratch-folder';
import { busyPorts, TypedCommand } from './typed-command';

/** A process the README promises: its label in the output, its port, and a path that must answer there. */
interface Promised {
  label: string;
  port: number;
  path: string;
  /** Reference servers and pages must answer 200; a starter's own server only has to answer at all. */
  mustSucceed: boolean;
  /** Text the answer must contain, e.g. the task card naming your server where pnpm dev runs it. */
  shows?: string;
}

interface Scenario {
  title: string;
  args: string[];
  cwd?: string;
  env?: Record<string, string>;
  processes: Promised[];
  /** A line the output must show, e.g. where your app publishes. */
  expectLine?: RegExp;
  /** What the README tells instructors to do with the running exercise. */
  instructorStep?: () => Promise<void>;
}

const EXERCISES = [
  { number: '01', name: '01-short-polling', studentPort: 4000 },
  { number: '02', name: '02-long-polling', studentPort: 4000 },
  { number: '03', name: '03-sse-notifications', studentPort: 4000 },
  { number: '04', name: '04-websocket-chat', studentPort: 8080 },
] as const;
const PUBSUB = '05-pubsub-broker';

function page(path = '/', shows?: string): Promised {
  return { label: 'page', port: 5173, path, mustSucceed: true, ...(shows ? { shows } : {}) };
}

/** Exercises 01–04: the page on 5173, the reference server on 3000, your server on 4000 (04: 8080). */
function singleServer(studentPort: number, isSolution: boolean, pagePath = '/'): Promised[] {
  // The task card of index.html names your server (04: its ws:// address) where this very command runs it.
  const scheme = studentPort === 8080 ? 'ws' : 'http';
  const card = pagePath === '/' ? `${scheme}://localhost:${studentPort}` : undefined;
  return [
    page(pagePath, card),
    { label: 'reference', port: 3000, path: '/stats', mustSucceed: true },
    { label: 'your server', port: studentPort, path: '/stats', mustSucceed: isSolution },
  ];
}

/** Exercise 05: page, reference app (3000) and broker (3100), your app (4000) and broker (4100). */
function pubSub(isSolution: boolean): Promised[] {
  return [
    page(),
    { label: 'ref broker', port: 3100, path: '/stats', mustSucceed: true },
    { label: 'ref app', port: 3000, path: '/api/board', mustSucceed: true },
    { label: 'your broker', port: 4100, path: '/stats', mustSucceed: isSolution },
    { label: 'your app', port: 4000, path: '/api/board', mustSucceed: isSolution },
  ];
}

function scenarios(): Scenario[] {
  const list: Scenario[] = [
    // The README's quick start: `pnpm install && pnpm dev` at the root opens exercise 01.
    { title: 'pnpm dev at the root starts exercise 01', args: ['dev'], processes: singleServer(4000, false) },
  ];
  for (const exercise of EXERCISES) {
    for (const isSolution of [false, true]) {
      const folder = isSolution ? 'solutions' : 'exercises';
      const processes = singleServer(exercise.studentPort, isSolution);
      list.push({
        title: `pnpm dev ${exercise.number}${isSolution ? ' --solution' : ''}`,
        args: ['dev', exercise.number, ...(isSolution ? ['--solution'] : [])],
        processes,
        ...(exercise.number === '03' && isSolution ? { instructorStep: pushNotificationFromTheReadme } : {}),
      });
      list.push({
        title: `pnpm dev in ${folder}/${exercise.name}`,
        args: ['dev'],
        cwd: `${folder}/${exercise.name}`,
        processes,
      });
    }
  }
  for (const folder of ['exercises', 'solutions']) {
    list.push({
      title: `pnpm dev:sse in ${folder}/04-websocket-chat`,
      args: ['dev:sse'],
      cwd: `${folder}/04-websocket-chat`,
      processes: singleServer(8080, folder === 'solutions', '/index.sse.html'),
    });
  }
  for (const isSolution of [false, true]) {
    const folder = isSolution ? 'solutions' : 'exercises';
    list.push({
      title: `pnpm dev 05${isSolution ? ' --solution' : ''}`,
      args: ['dev', '05', ...(isSolution ? ['--solution'] : [])],
      processes: pubSub(isSolution),
      expectLine: /^\[your app\].*publishing to http:\/\/localhost:3100/,
    });
    list.push({
      title: `pnpm dev in ${folder}/${PUBSUB}`,
      args: ['dev'],
      cwd: `${folder}/${PUBSUB}`,
      processes: pubSub(isSolution),
    });
  }
  list.push({
    title: `pnpm dev:own-broker in exercises/${PUBSUB} (Part 3)`,
    args: ['dev:own-broker'],
    cwd: `exercises/${PUBSUB}`,
    processes: pubSub(false),
    expectLine: /^\[your app\].*publishing to http:\/\/localhost:4100/,
  });
  list.push({
    title: 'pnpm dev 05 --solution --own-broker',
    args: ['dev', '05', '--solution', '--own-broker'],
    processes: pubSub(true),
    expectLine: /^\[your app\].*publishing to http:\/\/localhost:4100/,
  });
  return list;
}

function redisScenario(redisUrl: string): Scenario {
  return {
    title: 'pnpm dev 05 --solution --redis',
    args: ['dev', '05', '--solution', '--redis'],
    env: { REDIS_URL: redisUrl },
    processes: [
      page(),
      { label: 'broker 1', port: 4100, path: '/stats', mustSucceed: true },
      { label: 'broker 2', port: 4101, path: '/stats', mustSucceed: true },
      { label: 'app', port: 4000, path: '/api/board', mustSucceed: true },
    ],
    expectLine: /^\[broker 2\].*localhost:4101/,
  };
}

test.skip(process.platform === 'win32', 'Ctrl+C to a process group is a POSIX terminal; CI runs Linux.');

test.beforeEach(async () => {
  const busy = await busyPorts([3000, 3100, 4000, 4100, 4101, 5173, 8080]);
  expect(busy, 'these checks need the workshop ports; stop any "pnpm dev" you are running').toEqual([]);
});

for (const scenario of scenarios()) {
  test(scenario.title, async () => {
    await runScenario(scenario);
  });
}

test('pnpm dev 05 --solution --redis runs two brokers on one Redis', async () => {
  const redisUrl = process.env.REDIS_URL;
  test.skip(!redisUrl, 'needs REDIS_URL (bash .ci/run starts a Redis and sets it)');
  await runScenario(redisScenario(redisUrl ?? ''));
});

/** One busy port per kind of process: every exercise's page, servers and 05's brokers (also with --redis). */
const BUSY_PORT_CASES: { args: string[]; port: number; variable: string }[] = [
  { args: ['dev', '01'], port: 5173, variable: 'CLIENT_PORT' },
  { args: ['dev', '02'], port: 3000, variable: 'REFERENCE_PORT' },
  { args: ['dev', '03'], port: 4000, variable: 'STUDENT_PORT' },
  { args: ['dev', '04'], port: 8080, variable: 'STUDENT_PORT' },
  { args: ['dev', '05'], port: 3100, variable: 'REFERENCE_BROKER_PORT' },
  { args: ['dev', '05', '--solution'], port: 4100, variable: 'STUDENT_BROKER_PORT' },
  { args: ['dev', '05', '--solution', '--redis'], port: 4101, variable: 'STUDENT_BROKER_PORT' },
];

for (const busy of BUSY_PORT_CASES) {
  test(`pnpm ${busy.args.join(' ')} names busy port ${busy.port} in one line before anything starts`, async () => {
    const blocker = await occupy(busy.port);
    try {
      const command = new TypedCommand(busy.args);
      const code = await command.exit();
      expect(code, command.output).not.toBe(0);
      const lines = command.output.split('\n').filter((line) => line.includes(`Port ${busy.port}`));
      expect(lines, command.output).toHaveLength(1);
      expect(lines[0]).toContain('already in use');
      expect(lines[0]).toContain(`${busy.variable}=<port>`);
      expect(command.output, 'nothing may start when a port is busy').not.toMatch(/^\[[a-z0-9 ]+\]\s/m);
    } finally {
      await blocker.close();
    }
  });
}

async function runScenario(scenario: Scenario): Promise<void> {
  const command = new TypedCommand(scenario.args, { cwd: scenario.cwd, env: scenario.env });
  try {
    for (const promised of scenario.processes) {
      await command.waitForLine(labelled(promised.label, new RegExp(`localhost:${promised.port}\\b`)));
      const url = `http://localhost:${promised.port}${promised.path}`;
      const { status, body } = await answerOf(url, promised.shows !== undefined);
      const what = `[${promised.label}] GET ${url}`;
      expect(status, `${what} did not answer. Output:\n${command.output}`).toBeGreaterThan(0);
      if (promised.mustSucceed) expect(status, `${what}. Output:\n${command.output}`).toBe(200);
      if (promised.shows) expect(body, `${what} names ${promised.shows}`).toContain(promised.shows);
    }
    if (scenario.expectLine) await command.waitForLine(scenario.expectLine);
    await scenario.instructorStep?.();
    expect(command.output, 'a process stopped').not.toMatch(/exited with code [1-9]/);
  } finally {
    const left = await command.interrupt();
    expect(left, `Ctrl+C left processes behind. Output:\n${command.output}`).toEqual([]);
  }
  const ports = scenario.processes.map((promised) => promised.port);
  expect(await busyPorts(ports), 'Ctrl+C left ports taken').toEqual([]);
}

/** The README's "push a notification to every open page" (its curl command), then its /stats. */
async function pushNotificationFromTheReadme(): Promise<void> {
  const body = { title: 'Hello room', message: 'Sent live from the projector', type: 'progress' };
  const created = await fetch('http://localhost:3000/notifications', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(created.status, await created.clone().text()).toBe(201);
  const list = (await (await fetch('http://localhost:3000/notifications')).json()) as { title: string }[];
  expect(list.map((notification) => notification.title)).toContain('Hello room');
  const stats = await fetch('http://localhost:3000/stats');
  expect(stats.status).toBe(200);
}

function labelled(label: string, rest: RegExp): RegExp {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\[${escaped}\\]\\s.*${rest.source}`);
}

/** The HTTP status (0 when nothing answers), and the body when asked for. */
async function answerOf(url: string, readBody: boolean): Promise<{ status: number; body: string }> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    if (readBody) return { status: response.status, body: await response.text() };
    await response.body?.cancel();
    return { status: response.status, body: '' };
  } catch {
    return { status: 0, body: '' };
  }
}

async function occupy(port: number): Promise<{ close(): Promise<void> }> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(port, resolve));
  return { close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A watched server restarts within a second or two of a save; far longer means it missed the save. */
const RESTART_BOUND_MS = 15_000;

test('pnpm reset 02 puts the starter back while pnpm dev 02 runs, keeps your version, and your server restarts', async () => {
  const folder = 'exercises/02-long-polling';
  const uncommitted = execFileSync('git', ['status', '--porcelain', '--', folder], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  // The check resets the whole starter: it must never throw away a maintainer's uncommitted work.
  test.skip(uncommitted !== '', `${folder} has uncommitted changes; commit or stash them to run this check`);
  const file = `${folder}/server/updates-route.ts`;
  const absolute = path.join(ROOT, file);
  const committed = execFileSync('git', ['cat-file', '--filters', `HEAD:${file}`], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const serverStarts = labelled(
    'your server',
    /Long-polling notifications server on http:\/\/localhost:4000\b/,
  );
  const dev = new TypedCommand(['dev', '02']);
  let backupDir: string | undefined;
  try {
    await dev.waitForLines(serverStarts, 1);
    // A student's save: pnpm dev restarts the server.
    appendFileSync(absolute, '// my first attempt\n');
    await dev.waitForLines(serverStarts, 2, RESTART_BOUND_MS);

    const reset = new TypedCommand(['reset', '02']);
    expect(await reset.exit(), reset.output).toBe(0);
    expect(reset.output).toContain(`restored  ${file}`);
    expect(reset.output).toContain('exercises/02-long-polling is a fresh starter again.');
    backupDir = reset.output.match(/^Your version of these files is in (.+)$/m)?.[1];
    expect(backupDir, reset.output).toBeDefined();
    expect(readFileSync(absolute, 'utf8')).toBe(committed);
    expect(readFileSync(path.join(ROOT, backupDir ?? '', file), 'utf8')).toContain('// my first attempt');
    await dev.waitForLines(serverStarts, 3, RESTART_BOUND_MS);
    // After a save that replaced the file (a reset, vim, git checkout), the next save restarts it too.
    appendFileSync(absolute, '// my second attempt\n');
    await dev.waitForLines(serverStarts, 4, RESTART_BOUND_MS);
    writeFileSync(absolute, committed);
    await dev.waitForLines(serverStarts, 5, RESTART_BOUND_MS);

    const again = new TypedCommand(['reset', '02']);
    expect(await again.exit(), again.output).toBe(0);
    expect(again.output).toContain('Nothing to reset: exercises/02-long-polling is as the kit has it.');
  } finally {
    if (readFileSync(absolute, 'utf8') !== committed) writeFileSync(absolute, committed);
    if (backupDir) rmSync(path.join(ROOT, backupDir), { recursive: true, force: true });
    const left = await dev.interrupt();
    expect(left, `Ctrl+C left processes behind. Output:\n${dev.output}`).toEqual([]);
  }
});

test('pnpm scratch 01 gives an empty server/ that verify --scratch fails, and a built one that verify and dev run', async () => {
  const exercise = findExercise('01');
  // The check writes scratch/01-short-polling: it must never touch a copy someone works in.
  test.skip(
    existsSync(exercise.scratchDir),
    'scratch/01-short-polling exists; move it away to run this check',
  );
  try {
    const scratch = new TypedCommand(['scratch', '01']);
    expect(await scratch.exit(), scratch.output).toBe(0);
    expect(scratch.output).toContain('Created scratch/01-short-polling');

    const empty = new TypedCommand(['verify', '01', '--scratch', '--part', '2']);
    expect(await empty.exit(), empty.output).not.toBe(0);
    expect(empty.output).toContain('Checking scratch/01-short-polling (only Part 2 of exercise 01)');
    expect(empty.output).toMatch(/^Required 0\/3/m);

    // The student builds the server; here the reference's files stand in for it.
    cpSync(path.join(exercise.solutionDir, 'server'), path.join(exercise.scratchDir, 'server'), {
      recursive: true,
    });
    const built = new TypedCommand(['verify', '01', '--scratch', '--part', '2']);
    expect(await built.exit(), built.output).toBe(0);
    expect(built.output).toContain('Required 3/3 · Bonus 1/1');

    const dev = new TypedCommand(['dev', '01', '--scratch']);
    try {
      expect(await dev.waitForLine(/^\s+Check your work\s+pnpm verify 01 --scratch$/)).toBeTruthy();
      await dev.waitForLine(labelled('your server', /localhost:4000\b/));
      const answer = await answerOf('http://localhost:4000/api/notifications', false);
      expect(answer.status, dev.output).toBe(200);
    } finally {
      const left = await dev.interrupt();
      expect(left, `Ctrl+C left processes behind. Output:\n${dev.output}`).toEqual([]);
    }
  } finally {
    removeScratchFolder(exercise);
  }
});
