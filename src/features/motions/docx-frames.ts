// Word downloads of a filled-in template, without building the whole document for every download.
//
// The docx library needs about 7 ms for any document, most of it for the parts every document has (styles,
// numbering, theme, settings), and everyone who fills in the same template gets the same document apart from the
// values. So the library builds a document once per template text (and set of placeholders left empty, which look
// different): a "frame" with a marker where each value goes. A download puts the values, escaped as the library
// escapes text, between the frame's pieces of text; the other parts were packed with the frame. That takes about
// 0.15 ms. The result is the library's document, byte for byte in every part but the time stamps
// (tests/motions.test.ts compares them).
import { createHash, randomBytes } from 'node:crypto';
import { constants as zlibConstants, crc32, deflateRawSync } from 'node:zlib';
import { deflateSync, strFromU8, strToU8, unzipSync, Zip } from 'fflate';
import { boundedMap, memoized } from '../../lib/cache.js';
import { addPackedFile, type PackedFile } from '../../lib/zip.js';
import { docxDocument, filledDocument } from './documents.js';
import { missingNames } from './placeholders.js';

/** Letters and digits only, so the Markdown reader and the library pass it on untouched; new with every start. */
const MARKER_PREFIX = `KEB${randomBytes(6).toString('hex')}W`;
const marker = (slot: number | 'NOW') => `${MARKER_PREFIX}${slot}Z`;
/** Splits a text at its markers: [text, slot, text, slot, …, text]. */
const MARKERS = new RegExp(`${MARKER_PREFIX}(\\d+|NOW)Z`);
const TIMESTAMPS = /(<dcterms:(created|modified)\b[^>]*>)[^<]*(?=<\/dcterms:\2>)/g;

/**
 * A piece of text between two values, deflated on its own when the frame is built. A sync flush ends it on a byte
 * boundary without ending the stream, so pieces and values can follow each other (RFC 1951: any sequence of blocks
 * is a deflate stream; the last one says it is the last).
 */
interface TextPiece {
  deflated: Uint8Array;
  /** The piece's own bytes, for the checksum of the whole part. */
  raw: Uint8Array;
}

/**
 * A part of the package: one with values to fill in (text pieces, between them the value's index or -1 for the time
 * of the download), or one packed once for every download.
 */
type FramePart = { name: string; pieces: (TextPiece | number)[] } | { name: string; packed: PackedFile };

interface DocxFrame {
  parts: FramePart[];
  /** What the frame's own text parts take in memory (the fixed parts are shared between frames). */
  size: number;
}

/** Frames, counted by the bytes of their text parts (mostly 5–40 KB each). */
const FRAME_BYTES = 6_000_000;
const frames = boundedMap<string, DocxFrame>(FRAME_BYTES, (key, frame) => frame.size);
const building = new Map<string, Promise<DocxFrame>>();
/** Styles, theme, settings …: the same bytes in nearly every frame, kept once. */
const fixedParts = boundedMap<string, PackedFile>(1_000_000, (key, part) => part.data.length);

// The library's text escaping (docx: src/util/xml/stringify.ts, escapeAll), so a filled part reads as if it had
// written the value itself.
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
// eslint-disable-next-line no-control-regex
const escapeXml = (value: string) => value.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (char) => XML_ESCAPES[char] ?? '');

type MotionText = { title: string; body: string; reasoning: string };

async function buildFrame(motion: MotionText, subtitle: string, names: string[], missing: string[]): Promise<DocxFrame> {
  const markers = Object.fromEntries(names.flatMap((name, index) => (missing.includes(name) ? [] : [[name, marker(index)]])));
  const files = unzipSync(await docxDocument(filledDocument(motion, subtitle, markers, names)));
  const parts: FramePart[] = [];
  let size = 0;
  for (const [name, bytes] of Object.entries(files)) {
    if (name === 'docProps/core.xml' || name === 'word/document.xml') {
      const split = strFromU8(bytes)
        .replace(TIMESTAMPS, `$1${marker('NOW')}`)
        .split(MARKERS);
      const pieces = split.map((piece, i): TextPiece | number => {
        if (i % 2 === 1) return piece === 'NOW' ? -1 : Number(piece);
        const raw = strToU8(piece);
        // Copied: zlib's result is a view into a 16 KB buffer, which would stay in memory with it.
        return { raw, deflated: new Uint8Array(deflateRawSync(raw, { finishFlush: zlibConstants.Z_SYNC_FLUSH })) };
      });
      parts.push({ name, pieces });
      for (const piece of pieces) size += typeof piece === 'number' ? 50 : piece.raw.length + piece.deflated.length + 50;
      continue;
    }
    const key = `${name}\u0000${createHash('sha1').update(bytes).digest('base64')}`;
    const packed = fixedParts.get(key) ?? { compression: 8, size: bytes.length, crc: crc32(bytes), data: deflateSync(bytes) };
    fixedParts.set(key, packed);
    parts.push({ name, packed });
    size += 100;
  }
  return { parts, size };
}

/**
 * Short stand-ins for long texts in the frame key. The same template's text comes as the same string on every
 * download (pages are kept until the content changes), and a string keeps its hash in V8: finding it here costs
 * next to nothing, where hashing the text again took an eighth of a download.
 */
const digestOf = memoized(
  2_000_000,
  (text: string) => text.length,
  (text: string) => createHash('sha1').update(text).digest('base64'),
);

function frameFor(motion: MotionText, subtitle: string, names: string[], missing: string[]): Promise<DocxFrame> {
  const key = JSON.stringify([digestOf(motion.title), digestOf(motion.body), digestOf(motion.reasoning), subtitle, names, missing]);
  const kept = frames.get(key);
  if (kept) return Promise.resolve(kept);
  let pending = building.get(key);
  if (!pending) {
    pending = buildFrame(motion, subtitle, names, missing)
      .then((frame) => {
        frames.set(key, frame);
        return frame;
      })
      .finally(() => building.delete(key));
    building.set(key, pending);
  }
  return pending;
}

/** An empty final block (deflate's own, so nothing here encodes Huffman codes by hand). */
const LAST_BLOCK = deflateRawSync(new Uint8Array(0));

/**
 * Bytes as deflate "stored" blocks, not the last ones (RFC 1951, 3.2.4: a header byte, then LEN and its ones'
 * complement, little-endian, then the bytes). A value is short and read once; compressing it would cost more
 * than it saves.
 */
function storedBlock(bytes: Uint8Array): Uint8Array {
  const count = Math.max(1, Math.ceil(bytes.length / 0xffff));
  const out = Buffer.allocUnsafe(bytes.length + 5 * count);
  let at = 0;
  for (let start = 0; start < bytes.length || at === 0; start += 0xffff) {
    const len = Math.min(0xffff, bytes.length - start);
    out[at] = 0;
    out.writeUInt16LE(len, at + 1);
    out.writeUInt16LE(~len & 0xffff, at + 3);
    out.set(bytes.subarray(start, start + len), at + 5);
    at += 5 + len;
  }
  return out;
}

/** The .docx of a template with these values (those of `names`; empty ones stay marked, as in every format). */
export async function filledDocx(motion: MotionText, subtitle: string, values: Record<string, string>, names: string[]): Promise<Buffer> {
  const missing = missingNames(names, values);
  const frame = await frameFor(motion, subtitle, names, missing);
  const now = strToU8(new Date().toISOString());
  // A value often stands in several places (the municipality in the title and in the text): encoded once.
  const encoded = names.map((name) => strToU8(escapeXml(values[name]?.trim() ?? '')));
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  // fflate's Zip calls back at once for data it already has, so the archive is complete when end() returns.
  const zip = new Zip((error, chunk) => (error ? (failure = error) : chunks.push(chunk)));
  for (const part of frame.parts) {
    if ('packed' in part) {
      addPackedFile(zip, part.name, part.packed); // deflated when the frame was built
    } else {
      // The deflated pieces, each value in between as a stored block, and the empty last block.
      const data: Uint8Array[] = [];
      let crc = 0;
      let size = 0;
      for (const piece of part.pieces) {
        const raw = typeof piece !== 'number' ? piece.raw : piece < 0 ? now : encoded[piece]!;
        crc = crc32(raw, crc);
        size += raw.length;
        data.push(typeof piece !== 'number' ? piece.deflated : storedBlock(raw));
      }
      data.push(LAST_BLOCK);
      addPackedFile(zip, part.name, { compression: 8, size, crc, data: Buffer.concat(data) });
    }
  }
  zip.end();
  if (failure) throw failure;
  return Buffer.concat(chunks);
}
