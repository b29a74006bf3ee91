import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));

/** The dashboard's build: web/ → dist/web, served by `aperture serve` (same origin as /api). */
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: path.resolve(root, '../dist/web'),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  server: {
    // `vite --config web/vite.config.ts` during development: the API runs on `aperture serve`.
    proxy: { '/api': process.env.APERTURE_API_URL ?? 'http://127.0.0.1:8080' },
  },
});
