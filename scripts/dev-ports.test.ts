import { describe, expect, it } from 'vitest';
import { readDevPorts } from './dev-ports';

describe('readDevPorts', () => {
  it('gives the workshop ports when nothing is set', () => {
    expect(readDevPorts({})).toEqual({
      client: 5173,
      reference: 3000,
      student: 4000,
      referenceBroker: 3100,
      studentBroker: 4100,
    });
  });

  it('keeps 4000 for your server when the exercise names no port of its own', () => {
    // The bug of issue 10: `{ student: undefined }` overwrote the default and the server got PORT=undefined.
    expect(readDevPorts({}, { student: undefined }).student).toBe(4000);
  });

  it("takes the exercise's own port for your server (04 uses 8080)", () => {
    expect(readDevPorts({}, { student: 8080 }).student).toBe(8080);
  });

  it('lets the environment move every port, and the brokers with their app', () => {
    const ports = readDevPorts({ CLIENT_PORT: '5200', REFERENCE_PORT: '3300', STUDENT_PORT: '4400' });
    expect(ports).toEqual({
      client: 5200,
      reference: 3300,
      student: 4400,
      referenceBroker: 3400,
      studentBroker: 4500,
    });
    expect(readDevPorts({ STUDENT_BROKER_PORT: '4999' }).studentBroker).toBe(4999);
  });

  it('names the variable when a port is not a port', () => {
    expect(() => readDevPorts({ STUDENT_PORT: 'abc' })).toThrow('STUDENT_PORT must be a port number');
    expect(() => readDevPorts({ CLIENT_PORT: '70000' })).toThrow('CLIENT_PORT');
  });
});
