// The disk cache for made files (the materials ZIP): made once, shared by requests at the same moment, bounded.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { fileCache, type KeptFile } from '../src/lib/file-cache.js';

const keyOf = (name: string) => createHash('sha256').update(name).digest('hex');

/** A maker that writes `content` and counts how often it ran. */
function maker(content: string) {
  const made = { count: 0 };
  const make = async (out: Writable) => {
    made.count++;
    await new Promise((r) => setTimeout(r, 20)); // slow enough for requests to meet
    out.end(content);
  };
  return { made, make };
}

const read = async (file: KeptFile): Promise<string> => (file.bytes ? file.bytes.toString() : text(file.stream));

/** Removes the kept file as a cleaner of the temporary folder would. */
async function removeFromOutside(key: string) {
  for (const folder of (await fs.readdir(os.tmpdir())).filter((name) => name.startsWith('keb-dateien-'))) {
    await fs.rm(path.join(os.tmpdir(), folder, key), { force: true });
  }
}

describe('the file cache', () => {
  it('makes a file once for requests that ask at the same moment and later ones', async () => {
    const cache = fileCache({ maxBytes: 1000, maxFiles: 10 });
    const { made, make } = maker('Inhalt A');
    const files = await Promise.all(Array.from({ length: 5 }, () => cache.open(keyOf('a'), make)));
    expect(await Promise.all(files.map(read))).toEqual(Array(5).fill('Inhalt A'));
    expect(await read(await cache.open(keyOf('a'), make))).toBe('Inhalt A');
    expect(made.count).toBe(1);
    expect(files[0]!.size).toBe(8);
  });

  it('lets the oldest files go past its size or number of files', async () => {
    const cache = fileCache({ maxBytes: 25, maxFiles: 10 });
    const first = maker('0123456789');
    await cache.open(keyOf('1'), first.make);
    await cache.open(keyOf('2'), maker('0123456789').make);
    await cache.open(keyOf('3'), maker('0123456789').make); // 30 bytes: the first goes
    expect(await read(await cache.open(keyOf('1'), first.make))).toBe('0123456789');
    expect(first.made.count).toBe(2);

    const few = fileCache({ maxBytes: 1000, maxFiles: 2 });
    const one = maker('eins');
    await few.open(keyOf('eins'), one.make);
    await few.open(keyOf('zwei'), maker('zwei').make);
    await few.open(keyOf('drei'), maker('drei').make);
    await few.open(keyOf('eins'), one.make);
    expect(one.made.count).toBe(2);
  });

  it('keeps nothing of a making that failed, and makes it again on the next request', async () => {
    const cache = fileCache({ maxBytes: 1000, maxFiles: 10 });
    await expect(
      cache.open(keyOf('kaputt'), async (out) => {
        out.write('halb');
        throw new Error('Datenbank weg');
      }),
    ).rejects.toThrow('Datenbank weg');
    const { made, make } = maker('ganz');
    expect(await read(await cache.open(keyOf('kaputt'), make))).toBe('ganz');
    expect(made.count).toBe(1);
  });

  it('streams a large file, and makes it again when it was removed from outside', async () => {
    const cache = fileCache({ maxBytes: 10_000_000, maxFiles: 10 });
    const large = 'x'.repeat(1_500_000);
    const { made, make } = maker(large);
    const file = await cache.open(keyOf('gross'), make);
    expect(file.stream).toBeDefined();
    expect(await read(file)).toBe(large);
    await removeFromOutside(keyOf('gross'));
    expect(await read(await cache.open(keyOf('gross'), make))).toBe(large);
    expect(made.count).toBe(2);

    // A small file is read through the handle the cache keeps open: still there.
    const small = maker('klein');
    await cache.open(keyOf('klein'), small.make);
    await removeFromOutside(keyOf('klein'));
    expect(await read(await cache.open(keyOf('klein'), small.make))).toBe('klein');
    expect(small.made.count).toBe(1);
  });

  it('reads small files into buffers it uses again only once they were released', async () => {
    const cache = fileCache({ maxBytes: 1_000_000, maxFiles: 10 });
    const a = 'A'.repeat(100_000);
    const b = 'B'.repeat(90_000);
    const first = await cache.open(keyOf('erste'), maker(a).make);
    // Not released yet (still being sent): the next file goes into another buffer.
    const second = await cache.open(keyOf('zweite'), maker(b).make);
    expect(await read(first)).toBe(a);
    expect(await read(second)).toBe(b);
    first.release!();
    first.release!(); // twice is once
    // Released: the next file of that size may take the same memory, and still reads whole and right.
    const third = await cache.open(keyOf('zweite'), maker(b).make);
    const fourth = await cache.open(keyOf('erste'), maker(a).make);
    expect(await read(third)).toBe(b);
    expect(await read(fourth)).toBe(a);
    expect(third.bytes!.buffer).toBe(first.bytes!.buffer);
    expect(fourth.bytes!.buffer).not.toBe(third.bytes!.buffer);
  });

  it('refuses keys that are no digest', async () => {
    const cache = fileCache({ maxBytes: 1000, maxFiles: 10 });
    await expect(cache.open('../../etc/passwd', maker('x').make)).rejects.toThrow('not a file cache key');
  });
});
