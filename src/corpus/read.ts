/**
 * Reading the corpus folder: every `.txt` and `.md` file, decoded to text with `\n` line ends. A file that
 * cannot be used is skipped with a reason, never thrown: one bad file must not take the others down.
 *
 * The order of the checks matters: UTF-16 is recognized by its BOM before the NUL-byte test (UTF-16 text is
 * full of NULs), and GB18030 is tried only where UTF-8 fails, since valid UTF-8 is rarely valid GB18030 text.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
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
const TEXT_CHARACTERS = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\x20-\\x7e\\s\\u3000-\\u303f\\uff00-\\uffef\\u2010-\\u206f·—…“”‘’';
const NON_TEXT_CHARACTER = new RegExp(`[^${TEXT_CHARACTERS}]`, 'gu');

/** Code points of a text, as `[...text].length` counts them (a lone surrogate is one), without the array. */
function codePointCount(text: string): number {
  let pairs = 0;
  for (let i = 0; i < text.length - 1; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        pairs++;
        i++;
      }
    }
  }
  return text.length - pairs;
}

/**
 * Share of code points that are text characters. Counts the others, which are few in text, rather than
 * matching every character: matching all of them made an array as long as the file.
 */
function textShare(text: string): number {
  if (!text) return 0;
  const total = codePointCount(text);
  let other = 0;
  NON_TEXT_CHARACTER.lastIndex = 0;
  while (NON_TEXT_CHARACTER.exec(text)) other++;
  return (total - other) / total;
}

function decodeText(bytes: Buffer): { text: string; encoding: string } | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  if (bytes.includes(0)) return undefined;
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bom ? bytes.subarray(3) : bytes);
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

/** Files read at once: enough to overlap the disk's latency, few enough to hold little memory. */
const READ_AHEAD = 16;

/** Reads and decodes one file; never throws, a file that cannot be read is skipped with the reason. */
async function readCorpusFile(dir: string, name: string, maxBytes: number): Promise<DecodedFile | SkippedFile> {
  const file = path.join(dir, name);
  try {
    const info = await stat(file);
    if (!info.isFile()) return { name, reason: 'not a regular file' };
    // Refuse an oversized file before reading it whole.
    if (info.size > maxBytes) return { name, reason: `too large: ${mib(info.size)} > ${mib(maxBytes)} limit` };
    return decodeCorpusBytes(name, await readFile(file), maxBytes);
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
  // Several files are read at once so that the disk's latency overlaps; results are taken in name order.
  const corpusNames = names.filter((n) => CORPUS_FILE.test(n) && !n.startsWith('.')).sort();
  const pending: (Promise<DecodedFile | SkippedFile> | undefined)[] = corpusNames.slice(0, READ_AHEAD).map((name) => readCorpusFile(dir, name, maxBytes));
  for (let i = 0; i < corpusNames.length; i++) {
    const result = await pending[i]!;
    pending[i] = undefined;
    if (i + READ_AHEAD < corpusNames.length) pending.push(readCorpusFile(dir, corpusNames[i + READ_AHEAD]!, maxBytes));
    if (isSkipped(result)) {
      skipped.push(result);
      options.onSkip?.(result);
    } else files.push(result);
  }
  return { files, skipped };
}
