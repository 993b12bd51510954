/**
 * Reading the corpus folder: every `.txt` and `.md` file, decoded to text with `\n` line ends. A file that
 * cannot be used is skipped with a reason, never thrown: one bad file must not take the others down.
 *
 * The order of the checks matters: UTF-16 is recognized by its BOM before the NUL-byte test (UTF-16 text is
 * full of NULs), and GB18030 is tried only where UTF-8 fails, since valid UTF-8 is rarely valid GB18030 text.
 */
import { readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { DecodedFile, SkippedFile } from './types.ts';

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const CORPUS_FILE = /\.(?:txt|md)$/iu;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

export function isSkipped(result: DecodedFile | SkippedFile): result is SkippedFile {
  return 'reason' in result;
}

/** Characters that text is made of: Han, kana, ASCII printables, CJK punctuation, whitespace. */
const TEXT_CHARACTER = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\x20-\x7e\s\u3000-\u303f\uff00-\uffef\u2010-\u206f·—…“”‘’]$/u;
/** TEXT_CHARACTER for every UTF-16 unit outside the surrogates (1 or 0), made on first use. */
let textUnits: Uint8Array | undefined;

function textUnitTable(): Uint8Array {
  if (!textUnits) {
    textUnits = new Uint8Array(0x10000);
    for (let unit = 0; unit < 0x10000; unit++) {
      if (unit < 0xd800 || unit > 0xdfff) textUnits[unit] = TEXT_CHARACTER.test(String.fromCharCode(unit)) ? 1 : 0;
    }
  }
  return textUnits;
}

/**
 * Share of code points that are text characters; a lone surrogate counts as one code point that is not. One
 * table look-up per character: a regular expression over all of them cost half a second per 50,000 files.
 */
function textShare(text: string): number {
  if (!text) return 0;
  const table = textUnitTable();
  let total = 0;
  let printable = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    total++;
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        if (TEXT_CHARACTER.test(text.slice(i, i + 2))) printable++;
        i++;
        continue;
      }
    }
    printable += table[unit]!;
  }
  return printable / total;
}

/** One decoder for all files: each `decode` call without `stream` stands alone. */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeText(bytes: Buffer): { text: string; encoding: string } | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  if (bytes.includes(0)) return undefined;
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    const text = utf8.decode(bom ? bytes.subarray(3) : bytes);
    return { text, encoding: bom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    const text = iconv.decode(bytes, 'gb18030');
    return text.includes('\ufffd') ? undefined : { text, encoding: 'gb18030' };
  }
}

/** Decides from the bytes alone what a file holds. Pure, so every rule is testable without a disk. */
export function decodeCorpusBytes(name: string, bytes: Buffer, maxBytes = DEFAULT_MAX_BYTES): DecodedFile | SkippedFile {
  if (bytes.length > maxBytes) return { name, reason: `too large: ${mib(bytes.length)} > ${mib(maxBytes)} limit` };
  if (bytes.length === 0) return { name, reason: 'empty file' };
  const isUtf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!isUtf16 && bytes.includes(0)) return { name, reason: 'binary file (NUL bytes)' };
  const decoded = decodeText(bytes);
  if (!decoded || textShare(decoded.text) < 0.9) return { name, reason: 'undecodable: neither UTF-8, UTF-16 nor GB18030 text' };
  const text = decoded.text.replace(/\r\n?/gu, '\n');
  if (!text.trim()) return { name, reason: 'empty file' };
  return { name, text, encoding: decoded.encoding };
}

/** Files read between two turns of the event loop, which reading never holds for long. */
const READ_BATCH = 64;

/**
 * Reads and decodes one file; never throws, a file that cannot be read is skipped with the reason. Reads are
 * synchronous: for the small files of a corpus they cost a third of the promise-based ones, which go through
 * the thread pool four times per file (open, stat, read, close).
 */
function readCorpusFile(dir: string, name: string, maxBytes: number): DecodedFile | SkippedFile {
  const file = path.join(dir, name);
  try {
    const info = statSync(file);
    if (!info.isFile()) return { name, reason: 'not a regular file' };
    // Refuse an oversized file before reading it whole.
    if (info.size > maxBytes) return { name, reason: `too large: ${mib(info.size)} > ${mib(maxBytes)} limit` };
    return decodeCorpusBytes(name, readFileSync(file), maxBytes);
  } catch (err) {
    return { name, reason: `unreadable: ${(err as Error).message}` };
  }
}

export interface ReadOptions {
  maxBytes?: number;
  onSkip?: (skipped: SkippedFile) => void;
}

/** Reads every corpus file of `dir` (not recursive), in name order. Throws only when `dir` itself is missing. */
export async function readCorpusFolder(dir: string, options: ReadOptions = {}): Promise<{ files: DecodedFile[]; skipped: SkippedFile[] }> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`corpus folder not found: ${dir}`);
    throw err;
  }
  const files: DecodedFile[] = [];
  const skipped: SkippedFile[] = [];
  const corpusNames = names.filter((n) => CORPUS_FILE.test(n) && !n.startsWith('.')).sort();
  for (let i = 0; i < corpusNames.length; i++) {
    if (i > 0 && i % READ_BATCH === 0) await new Promise((resolve) => setImmediate(resolve));
    const result = readCorpusFile(dir, corpusNames[i]!, maxBytes);
    if (isSkipped(result)) {
      skipped.push(result);
      options.onSkip?.(result);
    } else files.push(result);
  }
  return { files, skipped };
}
