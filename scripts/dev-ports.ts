/** The ports an exercise runs on; each can be moved with an environment variable. The defaults are the workshop's. */
export interface DevPorts {
  client: number;
  reference: number;
  student: number;
  /** Exercise 05 only: the brokers beside the app backends (app port + 100 unless moved). */
  referenceBroker: number;
  studentBroker: number;
}

const PORT_VARIABLES: Record<keyof DevPorts, string> = {
  client: 'CLIENT_PORT',
  reference: 'REFERENCE_PORT',
  student: 'STUDENT_PORT',
  referenceBroker: 'REFERENCE_BROKER_PORT',
  studentBroker: 'STUDENT_BROKER_PORT',
};
const DEFAULT_PORTS = { client: 5173, reference: 3000, student: 4000 };
const BROKER_OFFSET = 100;

/** The exercise's own default for the student's server, where its task names another port than 4000. */
export interface ExercisePortDefaults {
  student?: number | undefined;
}

/** Ports from the environment, else the exercise's own default, else the workshop's. */
export function readDevPorts(env: NodeJS.ProcessEnv, defaults: ExercisePortDefaults = {}): DevPorts {
  // An exercise without its own student port says `undefined`; that must not hide the workshop's 4000.
  const studentDefault = defaults.student ?? DEFAULT_PORTS.student;
  const client = readPort(env, 'client', DEFAULT_PORTS.client);
  const reference = readPort(env, 'reference', DEFAULT_PORTS.reference);
  const student = readPort(env, 'student', studentDefault);
  return {
    client,
    reference,
    student,
    referenceBroker: readPort(env, 'referenceBroker', reference + BROKER_OFFSET),
    studentBroker: readPort(env, 'studentBroker', student + BROKER_OFFSET),
  };
}

/** The variable that moves a port, for error messages. */
export function portVariable(role: keyof DevPorts): string {
  return PORT_VARIABLES[role];
}

function readPort(env: NodeJS.ProcessEnv, role: keyof DevPorts, fallback: number): number {
  const name = PORT_VARIABLES[role];
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`${name} must be a port number from 1 to 65535, got "${text}".`);
  }
  return port;
}
