// What runs when an exercise starts: which processes, from which folder, on which port, with which
// environment. `pnpm dev`, `pnpm verify` and the test harness all start exercises from this plan, so the
// ports, origins, variants and 05's brokers cannot drift apart between what students run and what CI tests.
import { CLASS_ROUTES } from '../classroom/server/class-routes';
import type { DevPorts } from './dev-ports';
import { portVariable } from './dev-ports';
import { type Exercise, type ExerciseFolder, folderOf } from './exercise-catalog';

/** Whose copy of an exercise runs: the student's starter, the reference solution, or the from-scratch copy. */
export type Folder = ExerciseFolder;

export interface LaunchProcess {
  /** The label `pnpm dev` puts before each line of output, e.g. "your server". */
  name: string;
  /** The same in a sentence, e.g. "Your server", for error messages. */
  title: string;
  kind: 'page' | 'server';
  /** The folder the process runs in. */
  cwd: string;
  /** The server's entry file relative to `cwd`; a page has none. */
  entry: string | undefined;
  port: number;
  /** The environment variable that moves `port`, for the busy-port message. */
  portVariable: string;
  env: Record<string, string>;
  /** Answers (with any status) once the process listens. */
  readyUrl: string;
  /** Reference parts in magenta, the student's in green, as in the README. */
  color: string;
}

export interface LaunchRequest {
  exercise: Exercise;
  /** The student's side: the page and "your" server(s) come from this folder. */
  folder: Folder;
  ports: DevPorts;
  /** Runs `server/index.NAME.ts` (e.g. `sse`, the chat over SSE); the page is then `index.NAME.html`. */
  variant?: string | undefined;
  /** Exercise 05: your app publishes to your broker (Part 3) instead of the reference broker. */
  ownBroker?: boolean;
  /** Exercise 05: one app and two of this folder's brokers, sharing channels through this Redis. */
  redisUrl?: string | undefined;
  /** Extra environment for every server, e.g. a shorter heartbeat in a test. */
  serverEnv?: Record<string, string> | undefined;
  /** Where the page reaches your server, when a test puts a proxy in between. */
  studentUrlForPage?: string | undefined;
  /** The class server (`pnpm class`): Part 1 of the page talks to it, and no local reference server starts. */
  classUrl?: string | undefined;
}

/** Every process of one exercise, in the order `pnpm dev` lists them. */
export function planLaunch(request: LaunchRequest): LaunchProcess[] {
  if (request.exercise.stack === 'pubsub') return planPubSubLaunch(request);
  if (request.ownBroker || request.redisUrl) {
    throw new Error('--own-broker and --redis belong to exercise 05 (pub/sub broker).');
  }
  if (request.classUrl) return planClassMemberLaunch({ ...request, classUrl: request.classUrl });
  return planSingleServerLaunch(request);
}

/** Exercises 01–04: the page, the reference server and your server. */
function planSingleServerLaunch(request: LaunchRequest): LaunchProcess[] {
  const { exercise, folder, ports, variant } = request;
  const entry = variant ? `server/index.${variant}.ts` : 'server/index.ts';
  const serverEnv = { ALLOWED_ORIGINS: allowedOrigins(ports.client), ...request.serverEnv };
  const studentUrl = request.studentUrlForPage ?? localUrl(ports.student);
  return [
    pageProcess(exercise, folder, ports.client, {
      VITE_REFERENCE_SERVER: localUrl(ports.reference),
      VITE_YOUR_SERVER: studentUrl,
    }),
    serverProcess({
      name: 'reference',
      title: 'The reference server',
      cwd: exerciseFolder(exercise, 'solutions'),
      entry,
      port: ports.reference,
      role: 'reference',
      env: serverEnv,
    }),
    serverProcess({
      name: 'your server',
      title: 'Your server',
      cwd: exerciseFolder(exercise, folder),
      entry,
      port: ports.student,
      role: 'student',
      env: serverEnv,
    }),
  ];
}

/** Exercises 01–04 in a class: the page talks to the class server's reference server, and to yours (05: joinClassBoard). */
function planClassMemberLaunch(request: LaunchRequest & { classUrl: string }): LaunchProcess[] {
  const [page, , yours] = planSingleServerLaunch(request);
  if (!page || !yours) throw new Error('An exercise runs a page and your server.');
  const reference = `${request.classUrl}${classPathOf(request.exercise, request.variant)}`;
  return [{ ...page, env: { ...page.env, VITE_REFERENCE_SERVER: reference } }, yours];
}

/** Where the class server runs this exercise's reference server, e.g. `/04/sse` for the chat's SSE variant. */
export function classPathOf(exercise: Exercise, variant: string | undefined): string {
  const entry = variant ? `server/index.${variant}.ts` : 'server/index.ts';
  const route = CLASS_ROUTES.find(
    (candidate) => candidate.exerciseName === exercise.name && candidate.entry === entry,
  );
  if (!route) {
    const what = variant
      ? `the ${variant} variant of exercise ${exercise.number}`
      : `exercise ${exercise.number}`;
    throw new Error(`The class server does not run ${what}: start it without --class (or with --class off).`);
  }
  return route.prefix;
}

/** Exercise 05: the page, an app backend and a broker as the reference, and the same as yours. */
function planPubSubLaunch(request: LaunchRequest): LaunchProcess[] {
  const { exercise, folder, ports } = request;
  if (request.redisUrl) {
    return planPubSubStack({
      exercise,
      page: { folder, port: ports.client },
      app: { folder, side: 'student', port: ports.student, name: 'app' },
      brokers: [
        { folder, side: 'student', port: ports.studentBroker, name: 'broker 1' },
        { folder, side: 'student', port: ports.studentBroker + 1, name: 'broker 2' },
      ],
      redisUrl: request.redisUrl,
      serverEnv: request.serverEnv,
    });
  }
  const reference = planPubSubStack({
    exercise,
    page: { folder, port: ports.client },
    app: { folder: 'solutions', side: 'reference', port: ports.reference, name: 'ref app' },
    brokers: [{ folder: 'solutions', side: 'reference', port: ports.referenceBroker, name: 'ref broker' }],
    serverEnv: request.serverEnv,
    yourAppUrl: localUrl(ports.student),
  });
  const yours = planPubSubStack({
    exercise,
    app: { folder, side: 'student', port: ports.student, name: 'your app' },
    brokers: [{ folder, side: 'student', port: ports.studentBroker, name: 'your broker' }],
    // Parts 1 and 2 publish through the reference broker; Part 3 (--own-broker) through yours.
    publishTo: request.ownBroker ? undefined : localUrl(ports.referenceBroker),
    clientPort: ports.client,
    serverEnv: request.serverEnv,
  });
  if (!request.classUrl) return [...reference, ...yours];
  return joinClassBoard([...reference, ...yours], `${request.classUrl}${classPathOf(exercise, undefined)}`);
}

/**
 * Exercise 05 in a class: Part 1 of the page joins the class server's board (the whole room's ideas) instead of
 * a local reference app. The local reference broker stays: your app (Part 2) publishes to it.
 */
function joinClassBoard(processes: LaunchProcess[], classApp: string): LaunchProcess[] {
  return processes
    .filter((process) => process.name !== 'ref app')
    .map((process) =>
      process.kind === 'page'
        ? { ...process, env: { ...process.env, VITE_REFERENCE_APP: classApp } }
        : process,
    );
}

export interface PubSubPart {
  folder: Folder;
  /** Whose part it is in `pnpm dev` (labels, colours, the variable that moves its port); else by folder. */
  side?: Side;
  port: number;
  /** The label in `pnpm dev`'s output. */
  name?: string;
}

export interface PubSubStackRequest {
  exercise: Exercise;
  /** The page; without one, `clientPort` says which origin the servers accept. */
  page?: PubSubPart | undefined;
  clientPort?: number;
  app: PubSubPart;
  /** More than one broker needs `redisUrl`; the app spreads the pages over all of them. */
  brokers: PubSubPart[];
  redisUrl?: string | undefined;
  serverEnv?: Record<string, string> | undefined;
  /** Where the app publishes, when not to the first broker of this stack. */
  publishTo?: string | undefined;
  /** Where pages subscribe, when a test puts a proxy in front of the brokers. */
  publicBrokerUrls?: string[] | undefined;
  /** The page's "your app" (Part 2); the page uses this stack's app for both when not given. */
  yourAppUrl?: string | undefined;
}

/** One app backend with its broker(s), and the page when asked: exercise 05 in any mix of starter and reference. */
export function planPubSubStack(request: PubSubStackRequest): LaunchProcess[] {
  const { exercise, page, app, brokers, redisUrl } = request;
  if (brokers.length > 1 && !redisUrl) throw new Error('Several brokers share their channels through Redis.');
  const clientPort = page?.port ?? request.clientPort;
  if (clientPort === undefined) throw new Error('The servers need to know the page’s port (clientPort).');
  const serverEnv = {
    ALLOWED_ORIGINS: allowedOrigins(clientPort),
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
    ...request.serverEnv,
  };
  const brokerUrls = brokers.map((broker) => localUrl(broker.port));
  const appUrl = localUrl(app.port);
  const processes: LaunchProcess[] = [];
  if (page) {
    processes.push(
      pageProcess(exercise, page.folder, page.port, {
        VITE_REFERENCE_APP: appUrl,
        VITE_YOUR_APP: request.yourAppUrl ?? appUrl,
      }),
    );
  }
  brokers.forEach((broker, index) => {
    processes.push(
      serverProcess({
        name: broker.name ?? `broker ${index + 1}`,
        title: `Broker ${index + 1} (${broker.folder})`,
        cwd: exerciseFolder(exercise, broker.folder),
        entry: 'broker/index.ts',
        port: broker.port,
        role: roleOf(broker, 'broker'),
        env: { ...serverEnv },
        readyPath: '/stats',
      }),
    );
  });
  processes.push(
    serverProcess({
      name: app.name ?? 'app',
      title: `App backend (${app.folder})`,
      cwd: exerciseFolder(exercise, app.folder),
      entry: 'server/index.ts',
      port: app.port,
      role: roleOf(app, 'app'),
      env: {
        ...serverEnv,
        BROKER_URL: request.publishTo ?? brokerUrls[0] ?? '',
        BROKER_PUBLIC_URLS: (request.publicBrokerUrls ?? brokerUrls).join(','),
      },
      readyPath: '/api/board',
    }),
  );
  return processes;
}

/** The folder of an exercise's starter, solution or from-scratch copy. */
export function exerciseFolder(exercise: Exercise, folder: Folder): string {
  return folderOf(exercise, folder);
}

export function localUrl(port: number): string {
  return `http://localhost:${port}`;
}

/** The page comes from localhost or 127.0.0.1 (both are the student's own machine); nothing else may connect. */
function allowedOrigins(clientPort: number): string {
  return `http://localhost:${clientPort},http://127.0.0.1:${clientPort}`;
}

function pageProcess(
  exercise: Exercise,
  folder: Folder,
  port: number,
  env: Record<string, string>,
): LaunchProcess {
  return {
    name: 'page',
    title: 'The page (Vite)',
    kind: 'page',
    cwd: exerciseFolder(exercise, folder),
    entry: undefined,
    port,
    portVariable: portVariable('client'),
    // The exercise's vite.config.ts reads CLIENT_PORT, with strictPort: the servers only accept that origin.
    env: { CLIENT_PORT: String(port), ...env },
    readyUrl: localUrl(port),
    color: 'cyan',
  };
}

type Side = 'reference' | 'student';
type PortRole = Side | 'referenceBroker' | 'studentBroker';

function roleOf(part: PubSubPart, kind: 'broker' | 'app'): PortRole {
  const side = part.side ?? (part.folder === 'solutions' ? 'reference' : 'student');
  return kind === 'broker' ? `${side}Broker` : side;
}

interface ServerProcessOptions {
  name: string;
  title: string;
  cwd: string;
  entry: string;
  port: number;
  role: PortRole;
  env: Record<string, string>;
  readyPath?: string;
}

function serverProcess(options: ServerProcessOptions): LaunchProcess {
  const isReference = options.role.startsWith('reference');
  return {
    name: options.name,
    title: options.title,
    kind: 'server',
    cwd: options.cwd,
    entry: options.entry,
    port: options.port,
    portVariable: portVariable(options.role),
    env: { ...options.env, PORT: String(options.port) },
    readyUrl: `${localUrl(options.port)}${options.readyPath ?? '/'}`,
    color: isReference ? 'magenta' : 'green',
  };
}
