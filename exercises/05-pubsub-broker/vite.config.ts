import { defineConfig } from 'vite';

export default defineConfig({
  server: {
    // CLIENT_PORT moves the page off a busy 5173; strictPort fails loudly instead of silently moving,
    // because the servers only accept the origin they were told about.
    port: Number(process.env.CLIENT_PORT ?? 5173),
    strictPort: true,
  },
  clearScreen: false,
});
