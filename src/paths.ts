// Folders the app reads at run time. The same code runs from src/ (tests, tsx) and compiled from dist/src/
// (npm start), so paths are resolved from the project root rather than from this file.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const compiled = path.basename(path.dirname(here)) === 'dist';

export const PROJECT_ROOT = path.resolve(here, compiled ? '../..' : '..');
export const VIEWS_DIR = path.join(PROJECT_ROOT, 'views');
export const PUBLIC_DIR = path.join(PROJECT_ROOT, 'public');
export const CONTENT_DIR = path.join(PROJECT_ROOT, 'content');
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'prisma', 'migrations');
export const DOCS_DIR = path.join(PROJECT_ROOT, 'docs');
