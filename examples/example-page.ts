// What every example shares, so that its own files show only the technique: the page at `/` (its log shows
// what the client writes with console.log), the client as /client.js, and the port.
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Express } from 'express';

/** Examples run one at a time, on a port none of the exercises uses. */
const DEFAULT_PORT = 3500;

export interface ExamplePage {
  /** The example's folder name, e.g. `sse`. */
  name: string;
  /** One sentence: what to watch for. */
  lead: string;
  /** The example's folder (`import.meta.dirname` of its server.ts); its client.ts becomes /client.js. */
  folder: string;
}

export function serveExamplePage(app: Express, page: ExamplePage): void {
  app.get('/', (_request, response) => {
    response.type('html').send(renderPage(page));
  });
  app.get('/client.js', async (_request, response) => {
    // Types stripped by Vite's transformer, as the instructor console and the vote page do.
    const file = path.join(page.folder, 'client.ts');
    const { transformWithOxc } = await import('vite');
    const result = await transformWithOxc(readFileSync(file, 'utf8'), file, { lang: 'ts' });
    response.type('text/javascript').send(result.code);
  });
}

/** Listens on PORT (default 3500) and says where; a busy port is one clear line. */
export function startExample(name: string, server: Server): void {
  const port = readPort(process.env.PORT);
  server.once('error', (error: NodeJS.ErrnoException) => {
    const reason =
      error.code === 'EADDRINUSE'
        ? `Port ${port} is already in use (another example?). Stop it, or set PORT to a free port.`
        : `Could not start the example on port ${port}: ${error.message}`;
    console.error(reason);
    process.exit(1);
  });
  // No SIGINT handler: Ctrl+C ends the process at once, open connections and all, and that frees the port.
  server.listen(port, () => {
    console.log(`Example ${name}: open http://localhost:${port} in a browser. Ctrl+C stops it.`);
  });
}

function readPort(text: string | undefined): number {
  if (text === undefined || text === '') return DEFAULT_PORT;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`PORT must be a whole number from 0 to 65535, got "${text}".`);
    process.exit(1);
  }
  return port;
}

function renderPage({ name, lead }: ExamplePage): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Example: ${name}</title>
<style>${STYLES}</style>
</head>
<body>
<main>
<h1>Example: ${name}</h1>
<p>${lead}</p>
<p class="hint">What the client logs (also in the browser's console; DevTools → Network shows the requests):</p>
<ol id="log" aria-live="polite"></ol>
</main>
<script>
  // Mirrors console.log and console.error into the list above, so the page shows what the client does.
  for (const level of ['log', 'error']) {
    const original = console[level].bind(console);
    console[level] = (...parts) => {
      original(...parts);
      const item = document.createElement('li');
      item.className = level;
      item.textContent = parts.map((part) => (typeof part === 'string' ? part : String(part))).join(' ');
      document.getElementById('log').append(item);
    };
  }
</script>
<script type="module" src="/client.js"></script>
</body>
</html>
`;
}

const STYLES = `
:root { color-scheme: light dark; font-family: system-ui, sans-serif; }
main { max-width: 48rem; margin: 0 auto; padding: 2rem 1.25rem; }
h1 { font-size: 1.8rem; margin: 0 0 0.5rem; }
.hint { color: GrayText; }
#log { font-family: ui-monospace, monospace; font-size: 0.95rem; padding-left: 2.5rem; }
#log li { padding: 0.15rem 0; }
#log li.error { color: #b91c1c; }
`;
