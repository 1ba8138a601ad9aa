/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * Offline and installable: a service worker precaches everything the app can load (shell, lazy lab chunks,
 * worker bundles, the MNIST data chunks, KaTeX's woff2 fonts), so after one visit a classroom with poor Wi-Fi
 * can run every lab with the network off. Registered from src/main.tsx.
 */
const pwa = VitePWA({
  registerType: 'autoUpdate',
  injectRegister: false,
  includeAssets: ['favicon.svg', 'apple-touch-icon.png'],
  manifest: {
    name: 'Implicit Bias Lab',
    short_name: 'Bias Lab',
    description: 'Watch the implicit bias of gradient descent happen.',
    theme_color: '#1e293b',
    background_color: '#0f172a',
    display: 'standalone',
    start_url: '.',
    icons: [
      { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
      { src: 'pwa-192x192.png', sizes: '192x192', type: 'image/png' },
      { src: 'pwa-512x512.png', sizes: '512x512', type: 'image/png' },
      { src: 'maskable-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    // KaTeX lists woff2 first and every browser that runs the app reads it, so woff/ttf stay out of the cache
    globPatterns: ['**/*.{js,css,html,svg,png,woff2,webmanifest}'],
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    skipWaiting: true,
  },
});

// One config for the app, its workers and the unit tests.
export default defineConfig({
  plugins: [react(), tailwindcss(), pwa],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'workers/**/*.test.ts', 'cli/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/experiment/tests/load-every-runtime.ts'],
    testTimeout: 120_000,
  },
});
