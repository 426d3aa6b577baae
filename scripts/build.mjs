// Compiles the TypeScript that `npm start` runs into dist/ (esbuild: type annotations removed, one file per
// source file, no bundling), so a start costs no TypeScript compile. Type checking is `npm run typecheck`.
// `node scripts/build.mjs --if-stale` rebuilds only when a source file is newer than the last build.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist');
const stamp = path.join(outdir, '.built');
const SOURCE_DIRS = ['src', 'prisma/data'];

function sourceFiles() {
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) files.push(full);
    }
  };
  for (const dir of SOURCE_DIRS) walk(path.join(root, dir));
  return files;
}

/** True when dist/ is missing or older than any source file (or the set of files changed). */
export function isStale(files = sourceFiles()) {
  if (!fs.existsSync(stamp)) return true;
  const built = fs.statSync(stamp).mtimeMs;
  if (fs.readFileSync(stamp, 'utf8') !== String(files.length)) return true;
  return files.some((file) => fs.statSync(file).mtimeMs > built);
}

export async function build({ ifStale = false } = {}) {
  const files = sourceFiles();
  if (ifStale && !isStale(files)) return false;
  const { build: esbuild } = await import('esbuild');
  fs.rmSync(outdir, { recursive: true, force: true });
  await esbuild({
    entryPoints: files,
    outdir,
    outbase: root,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    sourcemap: true,
    logLevel: 'warning',
  });
  fs.writeFileSync(stamp, String(files.length));
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const built = await build({ ifStale: process.argv.includes('--if-stale') });
  if (built) console.log(`Übersetzt nach dist/ (${Date.now() - started} ms).`);
}
