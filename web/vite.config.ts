// The web app is built by Vite alone: Vite 8 transpiles TSX itself (oxc), so no React plugin.
// `npm run build:web` writes web/dist, which the server serves at `/` with an SPA fallback.
import { defineConfig } from 'vite';

const apiTarget = process.env['RAMPLAN_API'] ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
});
