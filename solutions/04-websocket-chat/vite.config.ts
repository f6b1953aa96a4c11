import { defineConfig } from 'vite';

// The task card (index.html) names the chat servers as %VITE_REFERENCE_CHAT% and %VITE_YOUR_CHAT%: the ws://
// form of the addresses pnpm dev passes (the defaults are those of client/server-origins.ts).
process.env.VITE_REFERENCE_CHAT = toWebSocketUrl(
  process.env.VITE_REFERENCE_SERVER ?? 'http://localhost:3000',
);
process.env.VITE_YOUR_CHAT = toWebSocketUrl(process.env.VITE_YOUR_SERVER ?? 'http://localhost:8080');

export default defineConfig({
  server: {
    // CLIENT_PORT moves the page off a busy 5173; strictPort fails loudly instead of silently moving,
    // because the servers only accept the origin they were told about.
    port: Number(process.env.CLIENT_PORT ?? 5173),
    strictPort: true,
  },
  clearScreen: false,
});

function toWebSocketUrl(httpUrl: string): string {
  return httpUrl.replace(/^http/, 'ws');
}
