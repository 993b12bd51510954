/**
 * Reading the corpus folder: every `.txt`, `.md`, `.html` and `.htm` file, in subfolders too, decoded to text
 * with `\n` line ends (a web page to the lines of its article, see `html.ts`). A file that cannot be used is skipped
 * with a reason and its kind, never thrown: one bad file must not take the others down. Hidden files and folders
 * (`.git`, `.DS_Store`) and the folders the caller names (the snapshot cache) are not part of the corpus at all.
 *
 * The order of the checks matters: UTF-16 is recognized by its BOM, or by where its zero bytes fall, before the
 * NUL-byte test (UTF-16 text is full of NULs); valid UTF-8 is taken as UTF-8 whatever a page declares (browsers
 * save pages as UTF-8 and often keep the original declaration), and GB18030 or the declared charset are tried only
 * where UTF-8 fails, since valid UTF-8 is rarely valid text in another encoding.
 */
import { readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import { declaredCharset, extractPage, pageText } from './html.ts';
import { SKIP_KINDS, type DecodedFile, type SkipKind, type SkippedFile } from './types.ts';

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const TEXT_FILE = /\.(?:txt|md)$/iu;
const PAGE_FILE = /\.html?$/iu;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** True for the file names the corpus reads (`.txt`, `.md`, `.html`, `.htm`). */
export function isCorpusFileName(name: string): boolean {
  return TEXT_FILE.test(name) || PAGE_FILE.test(name);
}

export function isSkipped(result: DecodedFile | SkippedFile): result is SkippedFile {
  return 'reason' in result;
}

const skip = (name: string, kind: SkipKind, reason: string): SkippedFile => ({ name, kind, reason });

/**
 * Characters that text is made of: letters of the scripts news is written in (Han, kana, Latin with its tone
 * marks and accents — pinyin is text —, Greek, Cyrillic, Hangul), combining marks, digits, punctuation, symbols
 * and whitespace. Not: control characters, private-use and unassigned code points, which a wrong decoding makes.
 */
const TEXT_CHARACTER =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Hangul}\p{M}\p{N}\p{P}\p{S}\x20-\x7e\s\u3000-\u303f\uff00-\uffef]$/u;
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
const MIN_TEXT_SHARE = 0.9;
/** Control characters other than whitespace: text has next to none, binary data many. */
const CONTROL = /[\x00-\x08\x0e-\x1f\x7f]/gu;

type Decoded = { text: string; encoding: string } | SkippedFile;

/** The declared charsets worth trusting where UTF-8 fails, mapped to the iconv decoder that reads them. */
function decoderFor(charset: string | undefined): string | undefined {
  if (!charset) return undefined;
  if (/^(?:gb2312|gbk|x-gbk|cp936|gb18030|euc-cn|windows-936)$/u.test(charset)) return 'gb18030'; // GB18030 reads both
  if (/^(?:big5|big5-hkscs|x-x-big5|cp950)$/u.test(charset)) return 'big5hkscs';
  return iconv.encodingExists(charset) && !/^utf-?8$/u.test(charset) ? charset : undefined;
}

/**
 * UTF-16 without a BOM: ASCII characters (digits, line ends) put their zero byte in the odd position (LE) or the
 * even one (BE). Both byte orders are decoded and the one that reads as text wins; binary data reads as neither.
 */
function utf16WithoutBom(bytes: Buffer): { text: string; encoding: string } | undefined {
  if (bytes.length % 2) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) (i % 2 ? odd++ : even++);
  const order = odd > even ? 'utf-16le' : 'utf-16be';
  const text = iconv.decode(bytes, order);
  return textShare(text) >= MIN_TEXT_SHARE ? { text, encoding: order } : undefined;
}

function decodeText(name: string, bytes: Buffer, declared?: string): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  if (bytes.includes(0)) return utf16WithoutBom(bytes) ?? skip(name, 'binary', 'binary file (NUL bytes, and not UTF-16 text)');
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let text: string | undefined;
  try {
    text = utf8.decode(bom ? bytes.subarray(3) : bytes);
  } catch {
    // not UTF-8: the declared charset, then GB18030
  }
  if (text !== undefined) {
    // Valid UTF-8 is text in whatever script; only control characters make it data.
    const controls = text.match(CONTROL)?.length ?? 0;
    if (controls > text.length * (1 - MIN_TEXT_SHARE)) return skip(name, 'binary', 'binary file (control characters)');
    return { text, encoding: bom ? 'utf-8-bom' : 'utf-8' };
  }
  for (const encoding of [decoderFor(declared), 'gb18030']) {
    if (!encoding) continue;
    const decoded = iconv.decode(bytes, encoding);
    if (!decoded.includes('\ufffd') && textShare(decoded) >= MIN_TEXT_SHARE) return { text: decoded, encoding };
  }
  const tried = ['UTF-8', ...(decoderFor(declared) ? [declared!] : []), 'GB18030'].join(', ');
  return skip(name, 'undecodable', `undecodable: not text in ${tried} or UTF-16`);
}

/** A web page saved under a text file's name (`page.txt` holding `<!DOCTYPE html>…`): read as the page it is. */
function isSavedPage(bytes: Buffer): boolean {
  const start = bytes.subarray(0, 512).toString('latin1').replace(/^(?:\xef\xbb\xbf)?\s*(?:<!--[\s\S]*?-->\s*)?/u, '');
  return /^<(?:!doctype\s+html|html)[\s>]/iu.test(start);
}

/** Decides from the bytes alone what a file holds. Pure, so every rule is testable without a disk. */
export function decodeCorpusBytes(name: string, bytes: Buffer, maxBytes = DEFAULT_MAX_BYTES): DecodedFile | SkippedFile {
  if (bytes.length > maxBytes) return skip(name, 'too-large', `too large: ${mib(bytes.length)} > ${mib(maxBytes)} limit`);
  if (bytes.length === 0) return skip(name, 'empty', 'empty file');
  const isPage = PAGE_FILE.test(name) || isSavedPage(bytes);
  const decoded = decodeText(name, bytes, isPage ? declaredCharset(bytes) : undefined);
  if ('reason' in decoded) return decoded;
  if (!isPage) {
    const text = decoded.text.replace(/\r\n?/gu, '\n');
    return text.trim() ? { name, text, encoding: decoded.encoding } : skip(name, 'empty', 'empty file');
  }
  let page: ReturnType<typeof extractPage>;
  try {
    page = extractPage(decoded.text);
  } catch (err) {
    // A parser failure on one page must cost that page only.
    return skip(name, 'unreadable', `unreadable page: ${(err as Error).message}`);
  }
  if (!page.paragraphs.length) return skip(name, 'empty', 'empty page: no article text');
  return { name, text: pageText(page), encoding: decoded.encoding, ...(page.title ? { headline: page.title } : {}) };
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
    if (!info.isFile()) return skip(name, 'unreadable', 'not a regular file');
    // Refuse an oversized file before reading it whole.
    if (info.size > maxBytes) return skip(name, 'too-large', `too large: ${mib(info.size)} > ${mib(maxBytes)} limit`);
    return decodeCorpusBytes(name, readFileSync(file), maxBytes);
  } catch (err) {
    return skip(name, 'unreadable', `unreadable: ${(err as Error).message}`);
  }
}

/**
 * Every file under `dir`, as a `/`-separated path relative to it, in name order; hidden entries and the `ignore`d
 * folders left out. A symbolic link is listed as a file, never followed into a folder (no loops). A subfolder
 * that cannot be listed is skipped like a file.
 */
async function listFolder(dir: string, ignore: Set<string>, skipped: SkippedFile[]): Promise<string[]> {
  const names: string[] = [];
  const walk = async (folder: string, prefix: string) => {
    const entries = await readdir(folder, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.') || ignore.has(path.join(folder, entry.name))) continue;
      const name = prefix + entry.name;
      if (!entry.isDirectory()) names.push(name);
      else await walk(path.join(folder, entry.name), name + '/').catch((err: Error) => skipped.push(skip(name + '/', 'unreadable', `unreadable: ${err.message}`)));
    }
  };
  try {
    await walk(path.resolve(dir), ''); // absolute, as the ignored folders are
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`corpus folder not found: ${dir}`);
    throw err;
  }
  return names;
}

export interface ReadOptions {
  maxBytes?: number;
  /** Folders inside the corpus folder that are not corpus (the snapshot cache). */
  ignore?: string[];
  /** Called once per file that is a corpus file by its name but cannot be used, to warn the operator. */
  onSkip?: (skipped: SkippedFile) => void;
}

/**
 * Reads every corpus file of `dir` and its subfolders, in path order; every other file is listed as skipped, of
 * kind `other-type`. Throws only when `dir` itself is missing.
 */
export async function readCorpusFolder(dir: string, options: ReadOptions = {}): Promise<{ files: DecodedFile[]; skipped: SkippedFile[] }> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const files: DecodedFile[] = [];
  const skipped: SkippedFile[] = [];
  const ignore = new Set((options.ignore ?? []).map((p) => path.resolve(p)));
  const names = await listFolder(dir, ignore, skipped);
  for (const s of skipped) options.onSkip?.(s);
  for (let i = 0; i < names.length; i++) {
    if (i > 0 && i % READ_BATCH === 0) await new Promise((resolve) => setImmediate(resolve));
    const name = names[i]!;
    if (!isCorpusFileName(name)) {
      skipped.push(skip(name, 'other-type', `other type (${path.extname(name) || 'no extension'})`));
      continue;
    }
    const result = readCorpusFile(dir, name, maxBytes);
    if (isSkipped(result)) {
      skipped.push(result);
      options.onSkip?.(result);
    } else files.push(result);
  }
  return { files, skipped };
}

/** Skipped files counted by kind, in a fixed order, for the startup line and the overview. */
export function skippedCounts(skipped: SkippedFile[]): Partial<Record<SkipKind, number>> {
  const counts: Partial<Record<SkipKind, number>> = {};
  for (const kind of SKIP_KINDS) {
    const n = skipped.filter((s) => s.kind === kind).length;
    if (n) counts[kind] = n;
  }
  return counts;
}

/** Names listed per kind in the startup line; a folder of thousands of images must not make it thousands long. */
const NAMES_PER_KIND = 20;

/**
 * The startup line's account of the files not read: counts and names by kind (`other-type: 2 (a.pdf, b.png)`).
 * Empty when every file was read.
 */
export function skippedSummary(skipped: SkippedFile[]): { counts: Partial<Record<SkipKind, number>>; names: Partial<Record<SkipKind, string[]>>; text: string } {
  const counts = skippedCounts(skipped);
  const names: Partial<Record<SkipKind, string[]>> = {};
  const parts: string[] = [];
  for (const [kind, n] of Object.entries(counts) as [SkipKind, number][]) {
    const listed = skipped.filter((s) => s.kind === kind).slice(0, NAMES_PER_KIND).map((s) => s.name);
    if (n > listed.length) listed.push(`… ${n - listed.length} more`);
    names[kind] = listed;
    parts.push(`${kind} ${n} (${listed.join(', ')})`);
  }
  return { counts, names, text: parts.length ? `skipped ${skipped.length} file(s): ${parts.join('; ')}` : '' };
}
