import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** What the built app is made of: if any of it is newer than the build, the build is stale. */
const INPUTS = ['src', 'workers', 'public', 'index.html', 'vite.config.ts', 'package.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/**
 * Outside CI an already running preview server may be reused; it serves whatever is in dist/, so rebuild
 * first when the sources are newer than the last build. (In CI the web server command has just built it.)
 */
export default function globalSetup() {
  // E2E_NO_REBUILD: the server on E2E_PORT serves a build made elsewhere (e.g. `vite build --outDir ...`)
  if (process.env.CI || process.env.E2E_NO_REBUILD) return;
  const built = join(ROOT, 'dist', 'index.html');
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
  if (Math.max(...INPUTS.map((p) => newestMtime(join(ROOT, p)))) <= builtAt) return;
  console.log('e2e: the build in dist/ is older than the sources; rebuilding');
  try {
    execSync('npx vite build', { cwd: ROOT, stdio: 'pipe' });
  } catch (e) {
    const err = e as { stdout?: Buffer; stderr?: Buffer };
    console.error(`${err.stdout ?? ''}${err.stderr ?? ''}`);
    throw new Error('e2e: `vite build` failed (output above), so the app under test would be stale');
  }
}
