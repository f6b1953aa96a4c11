import { defineConfig } from 'vite';

// The task card (index.html) names the servers as %VITE_REFERENCE_SERVER% (a class server with --class) and
// %VITE_YOUR_SERVER%: pnpm dev passes the real addresses; these are client/server-origins.ts's, for a bare `vite`.
process.env.VITE_REFERENCE_SERVER ??= 'http://localhost:3000';
process.env.VITE_YOUR_SERVER ??= 'http://localhost:4000';

export default defineConfig({
  server: {
    // CLIENT_PORT moves the page off a busy 5173; strictPort fails loudly instead of silently moving,
    // because the servers only accept the origin they were told about.
    port: Number(process.env.CLIENT_PORT ?? 5173),
    strictPort: true,
  },
  clearScreen: false,
});
