/** The ports `pnpm dev` uses; each can be moved with an environment variable. The defaults are the workshop's. */
export interface DevPorts {
  client: number;
  reference: number;
  student: number;
}

const PORT_VARIABLES = {
  client: 'CLIENT_PORT',
  reference: 'REFERENCE_PORT',
  student: 'STUDENT_PORT',
} as const;
const DEFAULT_PORTS: DevPorts = { client: 5173, reference: 3000, student: 4000 };

/** Ports from the environment, else the exercise's own default for the student's server, else the workshop's. */
export function readDevPorts(env: NodeJS.ProcessEnv, defaults: Partial<DevPorts> = {}): DevPorts {
  const fallback = { ...DEFAULT_PORTS, ...defaults };
  return {
    client: readPort(env, 'client', fallback.client),
    reference: readPort(env, 'reference', fallback.reference),
    student: readPort(env, 'student', fallback.student),
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
