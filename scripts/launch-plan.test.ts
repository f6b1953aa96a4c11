import { describe, expect, it } from 'vitest';
import { readDevPorts } from './dev-ports';
import { findExercise, listExercises } from './exercise-catalog';
import { planLaunch } from './launch-plan';

const ports = (exercise = findExercise('01')) => readDevPorts({}, { student: exercise.studentPort });

describe('planLaunch', () => {
  it('gives every process of every exercise a port, and each server its PORT', () => {
    for (const exercise of listExercises()) {
      for (const folder of ['exercises', 'solutions'] as const) {
        const processes = planLaunch({ exercise, folder, ports: ports(exercise) });
        for (const planned of processes) {
          expect(Number.isInteger(planned.port), `${exercise.name} ${planned.name}`).toBe(true);
          if (planned.kind === 'server') expect(planned.env.PORT).toBe(String(planned.port));
          if (planned.kind === 'page') expect(planned.env.CLIENT_PORT).toBe(String(planned.port));
        }
        const used = processes.map((planned) => planned.port);
        expect(new Set(used).size, `${exercise.name}: two processes on one port`).toBe(used.length);
      }
    }
  });

  it('runs the reference from solutions/ and your server from the folder asked for', () => {
    const exercise = findExercise('03');
    const [page, reference, student] = planLaunch({ exercise, folder: 'exercises', ports: ports(exercise) });
    expect(page?.cwd).toBe(exercise.starterDir);
    expect(reference?.cwd).toBe(exercise.solutionDir);
    expect(student?.cwd).toBe(exercise.starterDir);
    expect(student?.port).toBe(4000);
    expect(page?.env).toMatchObject({
      VITE_REFERENCE_SERVER: 'http://localhost:3000',
      VITE_YOUR_SERVER: 'http://localhost:4000',
    });
    expect(student?.env.ALLOWED_ORIGINS).toBe('http://localhost:5173,http://127.0.0.1:5173');
  });

  it("uses 04's own port for your server, and the variant's entry for both servers", () => {
    const exercise = findExercise('04');
    const processes = planLaunch({ exercise, folder: 'exercises', ports: ports(exercise), variant: 'sse' });
    expect(processes.map((planned) => [planned.name, planned.port, planned.entry])).toEqual([
      ['page', 5173, undefined],
      ['reference', 3000, 'server/index.sse.ts'],
      ['your server', 8080, 'server/index.sse.ts'],
    ]);
  });

  it("joins 05's page to the class server's board; your app still publishes to a local reference broker", () => {
    const exercise = findExercise('05');
    const classUrl = 'http://192.168.1.20:8000';
    const processes = planLaunch({ exercise, folder: 'exercises', ports: ports(exercise), classUrl });
    const byName = Object.fromEntries(processes.map((planned) => [planned.name, planned]));
    expect(Object.keys(byName)).toEqual(['page', 'ref broker', 'your broker', 'your app']);
    expect(byName.page?.env.VITE_REFERENCE_APP).toBe('http://192.168.1.20:8000/05');
    expect(byName.page?.env.VITE_YOUR_APP).toBe('http://localhost:4000');
    expect(byName['your app']?.env.BROKER_URL).toBe('http://localhost:3100');
  });

  it('runs 05 as page, reference app and broker, and your app and broker', () => {
    const exercise = findExercise('05');
    const processes = planLaunch({ exercise, folder: 'exercises', ports: ports(exercise) });
    const byName = Object.fromEntries(processes.map((planned) => [planned.name, planned]));
    expect(Object.keys(byName)).toEqual(['page', 'ref broker', 'ref app', 'your broker', 'your app']);
    expect(byName['ref app']?.env.BROKER_URL).toBe('http://localhost:3100');
    // Parts 1 and 2: your app publishes through the reference broker.
    expect(byName['your app']?.env.BROKER_URL).toBe('http://localhost:3100');
    expect(byName['your broker']?.port).toBe(4100);
    expect(byName.page?.env.VITE_YOUR_APP).toBe('http://localhost:4000');

    const ownBroker = planLaunch({ exercise, folder: 'exercises', ports: ports(exercise), ownBroker: true });
    expect(ownBroker.find((planned) => planned.name === 'your app')?.env.BROKER_URL).toBe(
      'http://localhost:4100',
    );
  });

  it('runs 05 with --redis as one app and two brokers that share a Redis', () => {
    const exercise = findExercise('05');
    const redisUrl = 'redis://127.0.0.1:6390';
    const processes = planLaunch({ exercise, folder: 'solutions', ports: ports(exercise), redisUrl });
    expect(processes.map((planned) => [planned.name, planned.port])).toEqual([
      ['page', 5173],
      ['broker 1', 4100],
      ['broker 2', 4101],
      ['app', 4000],
    ]);
    const app = processes.at(-1);
    expect(app?.env.BROKER_PUBLIC_URLS).toBe('http://localhost:4100,http://localhost:4101');
    expect(processes[1]?.env.REDIS_URL).toBe(redisUrl);
  });

  it("names your broker's own port variable also when you run the solution", () => {
    const exercise = findExercise('05');
    const processes = planLaunch({ exercise, folder: 'solutions', ports: ports(exercise) });
    const yourBroker = processes.find((planned) => planned.name === 'your broker');
    expect(yourBroker?.portVariable).toBe('STUDENT_BROKER_PORT');
    expect(yourBroker?.color).toBe('green');
    expect(processes.find((planned) => planned.name === 'ref broker')?.portVariable).toBe(
      'REFERENCE_BROKER_PORT',
    );
  });

  it('refuses the 05 options for other exercises', () => {
    const exercise = findExercise('02');
    expect(() =>
      planLaunch({ exercise, folder: 'exercises', ports: ports(exercise), ownBroker: true }),
    ).toThrow(/belong to exercise 05/);
  });
});
