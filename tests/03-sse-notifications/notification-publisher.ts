// Publishes notifications to a server of exercise 03 from Node, as the instructor's curl command does.

let titleCount = 0;

/** A title no other test uses, so assertions cannot match someone else's notification. */
export function uniqueTitle(label: string): string {
  titleCount += 1;
  return `${label} #${titleCount}-${Date.now()}`;
}

export async function publish(baseUrl: string, body: unknown): Promise<Response> {
  return fetch(`${baseUrl}/notifications`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}
