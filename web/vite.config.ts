import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Built into the web module's jar (see pom.xml), which the gateway serves at /: hashed files under /assets
// (cached for a year), index.html (never cached). No inline script, so the gateway's Content-Security-Policy
// can say script-src 'self'.
export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: process.env.KNAG_WEB_OUT ?? 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
});
