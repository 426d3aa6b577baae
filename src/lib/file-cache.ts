// Files that take long to make and are asked for again and again – the ZIP of a meeting's materials – made once and
// kept on disk, under a name made from what they contain. Changed content gets a new name, so a kept file is never
// outdated; the oldest files leave when the cache passes its size or number of files.
//
// The folder is this process's own, in the system's temporary folder, and goes when the process ends: a restart
// starts empty, and two app instances on one machine never share half-written files.
//
// Each kept file stays open. A small file is read in one go (one call into the thread pool, where opening, reading
// and closing took three and halved the downloads per second); a large one is streamed from its own handle.
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import fs, { type FileHandle } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

/**
 * A kept file: its bytes (up to SMALL_FILE) or a stream of them. Whoever gets bytes calls `release` once they are
 * sent (not before: the buffer is used for the next file then).
 */
export type KeptFile =
  | { size: number; bytes: Buffer; release(): void; stream?: undefined }
  | { size: number; stream: Readable; bytes?: undefined; release?: undefined };

export interface FileCache {
  /**
   * The file kept under `key` (a hex digest of what it contains), made with `make` first when it is not there.
   * Requests that ask at the same moment wait for the same making. `make` writes the file and ends the stream.
   */
  open(key: string, make: (out: Writable) => Promise<void>): Promise<KeptFile>;
}

/** Files up to this size are read whole into memory for sending. */
const SMALL_FILE = 1024 * 1024;
const KEY = /^[0-9a-f]{32,128}$/;

/** The folders of this process's caches, removed when it ends. */
const folders = new Set<string>();
process.once('exit', () => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

interface Entry {
  size: number;
  handle: FileHandle;
}

/**
 * Buffers to read small files into, used again once a file is sent (`release`). A fresh 160 KB buffer for every
 * download cost the app a tenth of its time under load (new memory to fault in, more garbage collection). Sizes are
 * powers of two from 64 KB; at most SPARE_BYTES wait for their next use, the rest is left to the garbage collector.
 */
const SPARE_BYTES = 8 * 1024 * 1024;
const spare = new Map<number, Buffer[]>();
let spareBytes = 0;

function takeBuffer(size: number): Buffer {
  const length = Math.max(64 * 1024, 2 ** Math.ceil(Math.log2(size)));
  const buffer = spare.get(length)?.pop();
  if (!buffer) return Buffer.allocUnsafeSlow(length);
  spareBytes -= length;
  return buffer;
}

function giveBack(buffer: Buffer): void {
  if (spareBytes + buffer.length > SPARE_BYTES) return;
  spareBytes += buffer.length;
  const list = spare.get(buffer.length);
  if (list) list.push(buffer);
  else spare.set(buffer.length, [buffer]);
}

export function fileCache(options: { maxBytes: number; maxFiles: number }): FileCache {
  let dir: string | undefined;
  /** Kept files; Map keeps insertion order, and a file used again moves to the end. */
  const files = new Map<string, Entry>();
  const making = new Map<string, Promise<void>>();
  let total = 0;

  const fileOf = (key: string) => {
    if (!dir) {
      dir = mkdtempSync(path.join(os.tmpdir(), 'keb-dateien-'));
      folders.add(dir);
    }
    return path.join(dir, key);
  };

  const forget = (key: string) => {
    const entry = files.get(key);
    if (!entry) return;
    files.delete(key);
    total -= entry.size;
    // Closing waits for reads in progress; a stream has its own handle and reads on after the name is gone.
    void entry.handle
      .close()
      .catch(() => {})
      .then(() => fs.rm(fileOf(key), { force: true }))
      .catch(() => {});
  };

  const makeFile = async (key: string, make: (out: Writable) => Promise<void>) => {
    const target = fileOf(key);
    const partial = `${target}.${randomBytes(4).toString('hex')}.teil`;
    const out = createWriteStream(partial, { flags: 'wx', mode: 0o600 });
    try {
      await make(out);
      await finished(out);
      await fs.rename(partial, target);
    } catch (error) {
      out.destroy();
      await fs.rm(partial, { force: true });
      throw error;
    }
    const handle = await fs.open(target, 'r');
    const { size } = await handle.stat();
    files.set(key, { size, handle });
    total += size;
    for (const oldest of files.keys()) {
      if ((total <= options.maxBytes && files.size <= options.maxFiles) || oldest === key) break;
      forget(oldest);
    }
  };

  const read = async (key: string, entry: Entry): Promise<KeptFile> => {
    if (entry.size > SMALL_FILE) {
      // Its own handle, closed at the end of the stream: the kept one may be closed meanwhile.
      const own = await fs.open(fileOf(key), 'r');
      return { size: entry.size, stream: own.createReadStream() };
    }
    const buffer = takeBuffer(entry.size);
    try {
      const { bytesRead } = await entry.handle.read(buffer, 0, entry.size, 0);
      if (bytesRead !== entry.size) throw new Error(`file cache: ${key} is shorter than when it was made`);
    } catch (error) {
      giveBack(buffer);
      throw error;
    }
    let released = false;
    return {
      size: entry.size,
      bytes: buffer.subarray(0, entry.size),
      release: () => {
        if (!released) giveBack(buffer);
        released = true;
      },
    };
  };

  return {
    async open(key, make) {
      if (!KEY.test(key)) throw new Error(`not a file cache key: ${key}`);
      // Twice at most: a large file removed from outside (a cleaner of the temporary folder) is made again.
      for (let attempt = 0; attempt < 3; attempt++) {
        const entry = files.get(key);
        if (entry) {
          files.delete(key);
          files.set(key, entry);
          try {
            return await read(key, entry);
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
            forget(key);
          }
        }
        let pending = making.get(key);
        if (!pending) {
          pending = makeFile(key, make).finally(() => making.delete(key));
          making.set(key, pending);
        }
        await pending;
      }
      throw new Error(`file cache: ${key} went away right after it was made`);
    },
  };
}
