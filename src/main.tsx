/// <reference types="vite-plugin-pwa/vanillajs" />
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './index.css';
import { registerSW } from 'virtual:pwa-register';

// The service worker (see vite.config.ts) makes the app work offline after the first visit; a new version
// takes over on its own. Not in dev, where there is nothing precached to serve. It installs by precaching the whole
// app (135 files, 3.5 MB): registered at once, that took a first visit's CPU and network from the start page's demo
// (first frame 1.45 s, against 1.28 s with service workers blocked; 2-core machine), so it waits until the page has
// loaded and its demo has had SW_DELAY_MS.
const SW_DELAY_MS = 3000;
if (import.meta.env.PROD) window.addEventListener('load', () => setTimeout(() => registerSW({ immediate: true }), SW_DELAY_MS), { once: true });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
