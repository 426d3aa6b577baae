// `npm start`: runs the compiled server from dist/, compiling first only when the sources changed
// (after a checkout or an edit). The server runs in this process, so Ctrl-C and SIGTERM reach it directly.
import module from 'node:module';
import { build } from './build.mjs';

// Node 22.1+ keeps the compiled code of every module on disk: later starts skip parsing and compiling.
module.enableCompileCache?.();
await build({ ifStale: true });
await import('../dist/src/server.js');
