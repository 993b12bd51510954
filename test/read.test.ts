import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeCorpusBytes, isSkipped, readCorpusFolder } from '../src/corpus/read.ts';
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
    expect(decodeCorpusBytes('e.txt', Buffer.alloc(0))).toEqual({ name: 'e.txt', reason: 'empty file' });
    expect(decodeCorpusBytes('w.txt', Buffer.from(' \n\t\n'))).toEqual({ name: 'w.txt', reason: 'empty file' });
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
    mkdirSync(path.join(dir, '023_dir.txt'));
    writeFileSync(path.join(dir, 'notes.json'), '{}');
    writeFileSync(path.join(dir, '.hidden.txt'), excerpt);
    const warned: string[] = [];
    const { files, skipped } = await readCorpusFolder(dir, { onSkip: (s) => warned.push(s.name) });
    expect(files.map((f) => f.name)).toEqual(['000_good.txt', '003_good.md', '010_gbk.txt', '011_utf16.txt']);
    expect(skipped.map((s) => s.name)).toEqual(['020_empty.txt', '021_binary.txt', '022_invalid.txt', '023_dir.txt']);
    expect(warned).toEqual(skipped.map((s) => s.name));
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
