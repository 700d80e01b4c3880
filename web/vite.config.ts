/**
 * The web apps (debtor portal and collectors' console) as one static bundle, served by CloudFront
 * in AWS and by the local runtime under `/`. They call the same HTTPS API.
 */
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [preact()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
  },
});
