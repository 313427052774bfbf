/**
 * The console's build: served by the server at /console/ (server/api/routes/console-static.ts), so
 * every asset URL starts there. `npm run dev` serves it with hot reload and passes /api to a
 * server on PORT (default 3000) — the session cookie then stays same-origin.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  base: '/console/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': `http://127.0.0.1:${process.env.PORT ?? 3000}` } },
});
