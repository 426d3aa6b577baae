// Adding files to an fflate Zip whose bytes are ready: stored files with their checksum from zlib (native code,
// many times faster than fflate's own in JavaScript) and parts deflated once and sent many times.
import { crc32 } from 'node:zlib';
import type { Zip, ZipInputFile } from 'fflate';

/** A file's bytes as they go into the archive, with the size and checksum of its content. */
export interface PackedFile {
  /** 0: stored as it is; 8: deflated (raw deflate, e.g. fflate's deflateSync). */
  compression: 0 | 8;
  size: number;
  crc: number;
  data: Uint8Array;
}

export const storedFile = (data: Uint8Array): PackedFile => ({ compression: 0, size: data.length, crc: crc32(data), data });

/** Adds the file; fflate hands it on to the archive's callback at once. */
export function addPackedFile(zip: Zip, filename: string, file: PackedFile, mtime?: Date): void {
  const input: ZipInputFile = { filename, size: file.size, crc: file.crc, compression: file.compression };
  if (mtime) input.mtime = mtime;
  zip.add(input);
  input.ondata!(null, file.data as Uint8Array<ArrayBuffer>, true);
}
