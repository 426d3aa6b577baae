// `npm start`: runs the compiled server from dist/, compiling first only when the sources changed
// (after a checkout or an edit). The server runs in this process, so Ctrl-C and SIGTERM reach it directly.
import { build } from './build.mjs';

await build({ ifStale: true });
await import('../dist/src/server.js');
