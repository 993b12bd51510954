import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../src/corpus/build.ts';
import { decodeCorpusBytes, isSkipped, readCorpusFolder, skippedCounts } from '../src/corpus/read.ts';
import { openEngine } from '../src/engine/open.ts';
import { seedText } from './seeds.ts';

const excerpt = seedText('003').slice(0, 600).replace(/\r\n?/g, '\n');
const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'zonebot-read-'));

describe('decodeCorpusBytes', () => {
  it('decodes GB18030 (invalid UTF-8) back to the text', () => {
    const result = decodeCorpusBytes('gbk.txt', iconv.encode(excerpt, 'gb18030'));
    expect(result).toEqual({ name: 'gbk.txt', text: excerpt, encoding: 'gb18030' });
  });

  it('decodes UTF-16 LE and BE with BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(excerpt, 'utf-16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(excerpt, 'utf-16be')]);
    expect(decodeCorpusBytes('le.txt', le)).toMatchObject({ text: excerpt, encoding: 'utf-16le' });
    expect(decodeCorpusBytes('be.txt', be)).toMatchObject({ text: excerpt, encoding: 'utf-16be' });
  });

  it('drops a UTF-8 BOM and turns CRLF and CR into LF', () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(excerpt.replace(/\n/g, '\r\n'))]);
    expect(decodeCorpusBytes('bom.txt', bom)).toMatchObject({ text: excerpt, encoding: 'utf-8-bom' });
    expect(decodeCorpusBytes('cr.txt', Buffer.from(excerpt.replace(/\n/g, '\r')))).toMatchObject({ text: excerpt });
  });

  it('skips empty, binary, oversized and undecodable files with a reason', () => {
    expect(decodeCorpusBytes('e.txt', Buffer.alloc(0))).toEqual({ name: 'e.txt', kind: 'empty', reason: 'empty file' });
    expect(decodeCorpusBytes('w.txt', Buffer.from(' \n\t\n'))).toEqual({ name: 'w.txt', kind: 'empty', reason: 'empty file' });
    const binary = decodeCorpusBytes('b.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41]));
    expect(isSkipped(binary) && binary.reason).toMatch(/binary/);
    const big = decodeCorpusBytes('big.txt', Buffer.from(excerpt), 100);
    expect(isSkipped(big) && big.reason).toMatch(/too large.*limit/);
    // Bytes that are neither UTF-8 nor GB18030 text.
    const junk = Buffer.from(Array.from({ length: 64 }, (_, i) => (i % 2 ? 0xff : 0x80)));
    const undecodable = decodeCorpusBytes('junk.txt', junk);
    expect(isSkipped(undecodable) && undecodable.reason).toMatch(/undecodable/);
  });
});

describe('readCorpusFolder', () => {
  it('reads the good files of a folder full of bad ones, and warns once per bad file', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '000_good.txt'), seedText('000'));
    writeFileSync(path.join(dir, '003_good.md'), seedText('003'));
    writeFileSync(path.join(dir, '010_gbk.txt'), iconv.encode(excerpt, 'gb18030'));
    writeFileSync(path.join(dir, '011_utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(excerpt, 'utf-16le')]));
    writeFileSync(path.join(dir, '020_empty.txt'), '');
    writeFileSync(path.join(dir, '021_binary.txt'), Buffer.from([1, 2, 0, 0, 3]));
    writeFileSync(path.join(dir, '022_invalid.txt'), Buffer.from([0xff, 0x80, 0xff, 0x80, 0xfe, 0x81]));
    symlinkSync('/nonexistent/zonebot-target.txt', path.join(dir, '023_dangling.txt'));
    writeFileSync(path.join(dir, 'notes.json'), '{}');
    writeFileSync(path.join(dir, '.hidden.txt'), excerpt);
    const warned: string[] = [];
    const { files, skipped } = await readCorpusFolder(dir, { onSkip: (s) => warned.push(s.name) });
    expect(files.map((f) => f.name)).toEqual(['000_good.txt', '003_good.md', '010_gbk.txt', '011_utf16.txt']);
    expect(skipped.map((s) => [s.name, s.kind])).toEqual([
      ['020_empty.txt', 'empty'],
      ['021_binary.txt', 'binary'],
      ['022_invalid.txt', 'undecodable'],
      ['023_dangling.txt', 'unreadable'],
      ['notes.json', 'other-type'],
    ]);
    // A file of another type is counted, not warned about: it is not a corpus file that went wrong.
    expect(warned).toEqual(skipped.filter((s) => s.kind !== 'other-type').map((s) => s.name));
  });

  it('skips an oversized file without reading it, keeping the rest', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.txt'), excerpt);
    writeFileSync(path.join(dir, 'b.txt'), excerpt.repeat(10));
    const { files, skipped } = await readCorpusFolder(dir, { maxBytes: Buffer.byteLength(excerpt) + 10 });
    expect(files.map((f) => f.name)).toEqual(['a.txt']);
    expect(skipped[0]).toMatchObject({ name: 'b.txt', reason: expect.stringMatching(/too large/) });
  });

  it('rejects a missing folder with a clear message', async () => {
    await expect(readCorpusFolder('/nonexistent/zonebot-corpus')).rejects.toThrow('corpus folder not found: /nonexistent/zonebot-corpus');
  });
});

describe('one bad file never takes the others down', () => {
  const kinds: [string, Buffer][] = [
    ['gb18030', iconv.encode(seedText('003'), 'gb18030')],
    ['utf-16', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(seedText('003'), 'utf-16le')])],
    ['empty', Buffer.alloc(0)],
    ['binary', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a])],
    ['oversized', Buffer.from(seedText('003').repeat(3))],
    ['invalid bytes', Buffer.from(Array.from({ length: 40 }, (_, i) => (i % 2 ? 0xff : 0x80)))],
  ];
  for (const [kind, bytes] of kinds) {
    it(`still answers from the other files beside a ${kind} file`, async () => {
      const dir = tempDir();
      writeFileSync(path.join(dir, '000_seed.txt'), seedText('000'));
      writeFileSync(path.join(dir, '009_odd.txt'), bytes);
      const skipped: string[] = [];
      const { engine } = await openEngine({
        corpusDir: dir,
        snapshot: false,
        maxBytes: kind === 'oversized' ? 10_000 : undefined, // 000 is 8.2 kB, the odd file 17 kB
        onSkip: (s) => skipped.push(s.name),
      });
      const { hits } = engine.search('济北开发区内设机构压缩成几个局');
      expect(engine.corpus.paragraphs[hits[0]!.index]!.citation.startsWith('000-')).toBe(true);
      const readable = kind === 'gb18030' || kind === 'utf-16';
      expect(skipped).toEqual(readable ? [] : ['009_odd.txt']);
      if (readable) expect(engine.search('钢城经济开发区接待客商考察').total).toBeGreaterThan(0);
    });
  }
});

describe('what counts as text (issue 9: files)', () => {
  // Written for this test: a page that gives place names in pinyin with tone marks, and a line of other scripts.
  const pinyin = [
    'Qīnghé Jīngjì Jìshù Kāifāqū (青禾经济技术开发区) lǜsè zhìzào chǎnyèyuán kāigōng.',
    'Xīnghé Gāoxīnqū · Chéngjiāng Gōngyè Yuánqū · Lǚ Fāng · Nǚ gōngchéngshī · ǎ ě ǐ ǒ ǔ ǚ à è ì ò ù ǜ ü',
    'Zone franche de Qīnghé — café, naïve façade; Zürich; São Paulo; Ελλάδα; Москва; 서울',
  ].join('\n');

  it('never calls valid UTF-8 undecodable: pinyin with tone marks and other Latin letters are text', () => {
    expect(decodeCorpusBytes('pinyin.txt', Buffer.from(pinyin))).toEqual({ name: 'pinyin.txt', text: pinyin, encoding: 'utf-8' });
    // Even a file in a script the project has no use for is read as what it is.
    const thai = 'เขตอุตสาหกรรม '.repeat(20);
    expect(decodeCorpusBytes('thai.txt', Buffer.from(thai))).toMatchObject({ encoding: 'utf-8' });
  });

  it('skips valid UTF-8 that is mostly control characters as binary, not as undecodable', () => {
    const data = Buffer.from(Array.from({ length: 64 }, (_, i) => (i % 3 ? 0x01 + (i % 7) : 0x41)));
    expect(decodeCorpusBytes('data.txt', data)).toMatchObject({ kind: 'binary' });
  });

  it('recognizes UTF-16 LE and BE without a BOM by where the zero bytes fall', () => {
    const text = `${excerpt}\n一一一 ${pinyin}`; // 一 (U+4E00) has a zero byte of its own, on the other side
    expect(decodeCorpusBytes('le.txt', iconv.encode(text, 'utf-16le'))).toMatchObject({ text, encoding: 'utf-16le' });
    expect(decodeCorpusBytes('be.txt', iconv.encode(text, 'utf-16be'))).toMatchObject({ text, encoding: 'utf-16be' });
  });

  it('still skips data with zero bytes that is UTF-16 in neither order as binary', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00, 0xff, 0xd8, 0x00, 0x7f]);
    expect(decodeCorpusBytes('image.txt', png)).toMatchObject({ kind: 'binary', reason: expect.stringMatching(/NUL/) });
    expect(decodeCorpusBytes('odd.txt', Buffer.from([0x41, 0x00, 0x42]))).toMatchObject({ kind: 'binary' });
  });
});

describe('the folder as people fill it', () => {
  /** A corpus folder with subfolders, hidden entries, a cache inside it and files of other types. */
  function filledFolder(): string {
    const dir = tempDir();
    const write = (name: string, content: string | Buffer) => {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), content);
    };
    write('000_seed.txt', seedText('000'));
    write('2024/03/003_seed.txt', seedText('003'));
    write('2024/03/001_seed.md', seedText('001'));
    write('saved/004_page.html', `<html><head><title>t</title></head><body><h1>页面标题</h1><div>${seedText('004')
      .split('\n')
      .slice(3, 12)
      .map((l) => `<p>${l}</p>`)
      .join('')}</div></body></html>`);
    write('saved/photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    write('notes.docx', 'PK');
    write('empty.txt', '');
    write('.git/config', '[core]');
    write('.git/objects/ab/cdef.txt', excerpt);
    write('.DS_Store', Buffer.from([0, 0, 0, 1]));
    write('2024/.hidden/002.txt', seedText('002'));
    write('cache/snapshot-0.zbs', Buffer.from([0, 1, 2]));
    return dir;
  }

  it('reads subfolders recursively, ignores hidden entries and the cache, and accounts for every other file by kind', async () => {
    const dir = filledFolder();
    const { files, skipped } = await readCorpusFolder(dir, { ignore: [path.join(dir, 'cache')] });
    expect(files.map((f) => f.name)).toEqual(['000_seed.txt', '2024/03/001_seed.md', '2024/03/003_seed.txt', 'saved/004_page.html']);
    expect(skipped.map((s) => [s.name, s.kind])).toEqual([
      ['empty.txt', 'empty'],
      ['notes.docx', 'other-type'],
      ['saved/photo.png', 'other-type'],
    ]);
    expect(skippedCounts(skipped)).toEqual({ 'other-type': 2, empty: 1 });
  });

  it('cites a file in a subfolder by its folder path, and a file added elsewhere changes no citation', async () => {
    const dir = filledFolder();
    const citations = async () => {
      const { files } = await readCorpusFolder(dir, { ignore: [path.join(dir, 'cache')] });
      return buildCorpus(files).paragraphs.map((p) => `${p.file} ${p.citation} ${p.display}`);
    };
    const before = await citations();
    expect(before.some((c) => c.startsWith('2024/03/003_seed.txt 2024/03/003-1 '))).toBe(true);
    expect(before.some((c) => c.startsWith('saved/004_page.html saved/004-1 '))).toBe(true);
    expect(new Set(before.map((c) => c.split(' ')[1])).size).toBe(before.length);
    // The same short name in other folders, a new folder and a new file beside the others.
    writeFileSync(path.join(dir, '2024', '000_other.txt'), seedText('002'));
    mkdirSync(path.join(dir, '2025'));
    writeFileSync(path.join(dir, '2025', '003_again.txt'), seedText('003'));
    writeFileSync(path.join(dir, '2024', '03', '005_new.txt'), seedText('002'));
    const after = await citations();
    expect(after.length).toBeGreaterThan(before.length);
    for (const line of before) expect(after).toContain(line);
  });

  it('shows the citation of a subfolder file through /source and keeps the kinds across a snapshot', async () => {
    const dir = filledFolder();
    const cacheDir = path.join(dir, 'cache');
    const first = await openEngine({ corpusDir: dir, cacheDir });
    const second = await openEngine({ corpusDir: dir, cacheDir });
    expect(second.stats.fromSnapshot).toBe(true);
    expect(second.engine.corpus.skipped).toEqual(first.engine.corpus.skipped);
    expect(second.engine.paragraphIndex('2024/03/003-1')).toBeDefined();
    const { source } = await import('../commands/source.ts');
    expect(source.run({ engine: second.engine }, { citation: '2024/03/003-1' }).hits[0]!.file).toBe('2024/03/003_seed.txt');
  });
});
