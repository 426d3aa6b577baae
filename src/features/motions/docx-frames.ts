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
import { crc32 } from 'node:zlib';
import { deflateSync, strFromU8, strToU8, unzipSync, Zip } from 'fflate';
import { boundedMap } from '../../lib/cache.js';
import { addPackedFile, storedFile, type PackedFile } from '../../lib/zip.js';
import { docxDocument, filledDocument } from './documents.js';
import { missingNames } from './placeholders.js';

/** Letters and digits only, so the Markdown reader and the library pass it on untouched; new with every start. */
const MARKER_PREFIX = `KEB${randomBytes(6).toString('hex')}W`;
const marker = (slot: number | 'NOW') => `${MARKER_PREFIX}${slot}Z`;
/** Splits a text at its markers: [text, slot, text, slot, …, text]. */
const MARKERS = new RegExp(`${MARKER_PREFIX}(\\d+|NOW)Z`);
const TIMESTAMPS = /(<dcterms:(created|modified)\b[^>]*>)[^<]*(?=<\/dcterms:\2>)/g;

/**
 * A part of the package: one with values to fill in (its text as bytes, between them the value's index or -1 for
 * the time of the download), or one packed once for every download.
 */
type FramePart = { name: string; pieces: (Uint8Array | number)[] } | { name: string; packed: PackedFile };

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
      const pieces = split.map((piece, i) => (i % 2 === 0 ? strToU8(piece) : piece === 'NOW' ? -1 : Number(piece)));
      parts.push({ name, pieces });
      size += bytes.length + 50 * pieces.length;
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

function frameFor(motion: MotionText, subtitle: string, names: string[], missing: string[]): Promise<DocxFrame> {
  const key = createHash('sha1')
    .update(JSON.stringify([motion.title, motion.body, motion.reasoning, subtitle, names, missing]))
    .digest('base64');
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

/** The .docx of a template with these values (those of `names`; empty ones stay marked, as in every format). */
export async function filledDocx(motion: MotionText, subtitle: string, values: Record<string, string>, names: string[]): Promise<Buffer> {
  const missing = missingNames(names, values);
  const frame = await frameFor(motion, subtitle, names, missing);
  const now = strToU8(new Date().toISOString());
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  // fflate's Zip calls back at once for data it already has, so the archive is complete when end() returns.
  const zip = new Zip((error, chunk) => (error ? (failure = error) : chunks.push(chunk)));
  for (const part of frame.parts) {
    if ('packed' in part) {
      addPackedFile(zip, part.name, part.packed); // deflated when the frame was built
    } else {
      const filled = part.pieces.map((piece) =>
        typeof piece !== 'number' ? piece : piece < 0 ? now : strToU8(escapeXml(values[names[piece]!]?.trim() ?? '')),
      );
      // Stored: deflating it for each download would cost twice all the rest.
      addPackedFile(zip, part.name, storedFile(Buffer.concat(filled)));
    }
  }
  zip.end();
  if (failure) throw failure;
  return Buffer.concat(chunks);
}
