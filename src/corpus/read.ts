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

/** Share of characters that text is made of: Han, kana, ASCII printables, CJK punctuation, whitespace. */
function textShare(text: string): number {
  if (!text) return 0;
  const printable = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\x20-\x7e\s\u3000-\u303f\uff00-\uffef\u2010-\u206f·—…“”‘’]/gu);
  return (printable?.length ?? 0) / [...text].length;
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
  const skip = (s: SkippedFile) => {
    skipped.push(s);
    options.onSkip?.(s);
  };
  for (const name of names.filter((n) => CORPUS_FILE.test(n) && !n.startsWith('.')).sort()) {
    const file = path.join(dir, name);
    try {
      const info = await stat(file);
      if (!info.isFile()) {
        skip({ name, reason: 'not a regular file' });
        continue;
      }
      // Refuse an oversized file before reading it whole.
      if (info.size > maxBytes) {
        skip({ name, reason: `too large: ${mib(info.size)} > ${mib(maxBytes)} limit` });
        continue;
      }
      const result = decodeCorpusBytes(name, await readFile(file), maxBytes);
      if (isSkipped(result)) skip(result);
      else files.push(result);
    } catch (err) {
      skip({ name, reason: `unreadable: ${(err as Error).message}` });
    }
  }
  return { files, skipped };
}
