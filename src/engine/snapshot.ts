/**
 * The snapshot file: a built engine in a form that loads without parsing its bulk. JSON would make a start read
 * every paragraph and posting through the parser and rebuild them object by object (25 s at 50,000 articles);
 * here the bulk is raw typed arrays and two UTF-8 texts, and only the small parts are JSON.
 *
 * Layout: the magic `ZONEBOT` + a format byte; a little-endian u32, the header's length; the header (JSON: key,
 * build time, files, articles, knowledge, the table of sections); then the sections, each starting at a multiple
 * of 8 bytes so that typed arrays can be views of the file's bytes rather than copies.
 */
import { open, readFile, rename, rm, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Article, Corpus, Paragraph } from '../corpus/types.ts';
import type { Figure, Knowledge } from '../extract/knowledge.ts';
import { SearchEngine } from '../search/engine.ts';
import type { RelatedTable } from '../search/related-words.ts';

const MAGIC = Buffer.from('ZONEBOT');
export const SNAPSHOT_FORMAT = 9;
const ALIGN = 8;

type ArrayKind = 'u16' | 'u32' | 'i32';
type Section = { name: string; kind: ArrayKind | 'utf8'; offset: number; bytes: number };
const ARRAY_TYPES = { u16: Uint16Array, u32: Uint32Array, i32: Int32Array };

interface Header {
  key: string;
  buildMs: number;
  files: Corpus['files'];
  skipped: Corpus['skipped'];
  /** Articles without their lists of paragraphs, which the paragraphs themselves say. */
  articles: Omit<Article, 'paragraphs'>[];
  /** Section heads, referred to by number from the paragraphs. */
  sectionHeads: string[];
  /** The knowledge, its figures as `PackedFigure`s. */
  knowledge: Omit<Knowledge, 'figures'> & { figures: PackedFigure[] };
  common: [string, number][];
  /** Related words of the corpus's metrics (`RelatedTable`). */
  related: RelatedTable;
  fieldCount: number;
  documentCount: number;
  sections: Section[];
}

/**
 * A figure without copies of its sentence and citation: metric, value, unit, approx (0/1), period, zone, where
 * its sentence stands (paragraph index, start and end in the paragraph's display text), and the value as written
 * where that is more than value and unit (150余批次), and the group of zones it is of.
 */
type PackedFigure = [string, string, string, number, string | null, string | null, number, number, number, string | null, string | null];

function packFigures(corpus: Corpus, figures: Figure[]): PackedFigure[] {
  const paragraphOf = new Map(corpus.paragraphs.map((p, i) => [p.citation, i]));
  return figures.map((f) => {
    const i = paragraphOf.get(f.citation)!;
    const start = corpus.paragraphs[i]!.display.indexOf(f.text);
    return [f.metric, f.value, f.unit, f.approx ? 1 : 0, f.period ?? null, f.zone ?? null, i, start, start + f.text.length, f.written ?? null, f.group ?? null];
  });
}

function unpackFigures(paragraphs: Paragraph[], packed: PackedFigure[]): Figure[] {
  return packed.map(([metric, value, unit, approx, period, zone, i, start, end, written, group]) => {
    const p = paragraphs[i]!;
    const figure: Figure = { metric, value, unit, text: p.display.slice(start, end), citation: p.citation };
    if (approx) figure.approx = true;
    if (period !== null) figure.period = period;
    if (zone !== null) figure.zone = zone;
    if (written !== null) figure.written = written;
    if (group !== null) figure.group = group;
    return figure;
  });
}

/** The saved engine as read back: what `SearchEngine.load` needs, and the file's facts. */
export interface LoadedSnapshot {
  engine: SearchEngine;
  key: string;
  buildMs: number;
  bytes: number;
}

/** Texts joined end to end, and where each ends (UTF-16 offsets): one string to write instead of thousands. */
function joined(texts: string[]): { text: string; ends: Uint32Array } {
  const ends = new Uint32Array(texts.length);
  let at = 0;
  texts.forEach((t, i) => (ends[i] = at += t.length));
  return { text: texts.join(''), ends };
}

/** The paragraphs as columns: numbers in typed arrays, texts joined. */
function paragraphColumns(corpus: Corpus, sectionHeads: Map<string, number>) {
  const n = corpus.paragraphs.length;
  const fileIndex = new Map(corpus.files.map((f, i) => [f.name, i]));
  const file = new Uint32Array(n);
  const number = new Uint32Array(n);
  const article = new Uint32Array(n);
  const section = new Int32Array(n);
  const sentenceStarts = new Uint32Array(n + 1);
  const ends: number[] = [];
  corpus.paragraphs.forEach((p, i) => {
    file[i] = fileIndex.get(p.file)!;
    number[i] = p.number;
    article[i] = p.article;
    if (p.section !== undefined && !sectionHeads.has(p.section)) sectionHeads.set(p.section, sectionHeads.size);
    section[i] = p.section === undefined ? -1 : sectionHeads.get(p.section)!;
    for (const [d, m] of p.sentenceEnds) ends.push(d, m);
    sentenceStarts[i + 1] = ends.length / 2;
  });
  const display = joined(corpus.paragraphs.map((p) => p.display));
  const normalized = joined(corpus.paragraphs.map((p) => p.normalized));
  return { file, number, article, section, sentenceStarts, sentenceEnds: Uint32Array.from(ends), display, normalized };
}

/** Writes the engine's snapshot to `file` (a temporary file, then a rename); returns its size in bytes. */
export async function writeSnapshotFile(file: string, engine: SearchEngine, key: string, buildMs: number): Promise<number> {
  const { corpus, knowledge } = engine;
  const index = engine.indexSnapshot();
  const heads = new Map<string, number>();
  const columns = paragraphColumns(corpus, heads);
  const parts: [name: string, kind: Section['kind'], data: ArrayBufferView | string][] = [
    ['p.file', 'u32', columns.file],
    ['p.number', 'u32', columns.number],
    ['p.article', 'u32', columns.article],
    ['p.section', 'i32', columns.section],
    ['p.sentenceStarts', 'u32', columns.sentenceStarts],
    ['p.sentenceEnds', 'u32', columns.sentenceEnds],
    ['p.displayEnds', 'u32', columns.display.ends],
    ['p.normalizedEnds', 'u32', columns.normalized.ends],
    ['p.display', 'utf8', columns.display.text],
    ['p.normalized', 'utf8', columns.normalized.text],
    ['i.terms', 'utf8', index.arrays.terms.join('\u0000')],
    ['i.offsets', 'u32', index.arrays.offsets],
    ['i.docs', 'u32', index.arrays.docs],
    ['i.counts', 'u16', index.arrays.counts],
    ['i.fieldLengths', 'u16', index.arrays.fieldLengths],
    ['i.unitMasks', 'u32', index.unitMasks],
  ];
  const buffers: Buffer[] = [];
  const sections: Section[] = [];
  let offset = 0;
  for (const [name, kind, data] of parts) {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const padding = (ALIGN - (bytes.length % ALIGN)) % ALIGN;
    sections.push({ name, kind, offset, bytes: bytes.length });
    buffers.push(bytes, Buffer.alloc(padding));
    offset += bytes.length + padding;
  }
  const header: Header = {
    key,
    buildMs,
    files: corpus.files,
    skipped: corpus.skipped,
    articles: corpus.articles.map(({ paragraphs: _, ...article }) => article),
    sectionHeads: [...heads.keys()],
    knowledge: { ...knowledge, figures: packFigures(corpus, knowledge.figures) },
    common: index.common,
    related: index.related,
    fieldCount: index.arrays.fieldCount,
    documentCount: index.arrays.documentCount,
    sections,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  // Magic, format, length, header, padded so that the first section starts aligned.
  const lead = MAGIC.length + 1 + 4 + headerBytes.length;
  const prefix = Buffer.alloc(lead + ((ALIGN - (lead % ALIGN)) % ALIGN));
  MAGIC.copy(prefix, 0);
  prefix[MAGIC.length] = SNAPSHOT_FORMAT;
  prefix.writeUInt32LE(headerBytes.length, MAGIC.length + 1);
  headerBytes.copy(prefix, MAGIC.length + 5);

  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const handle = await open(tmp, 'w');
    try {
      await handle.writev([prefix, ...buffers]);
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  return prefix.length + offset;
}

/** The vocabulary as written: terms joined by NUL (no term holds one, nor is empty). */
const splitTerms = (joinedTerms: string) => (joinedTerms ? joinedTerms.split('\u0000') : []);

/**
 * Reads a snapshot file; throws when it is not one of this format (missing, truncated, foreign), or, given a
 * key, was made for other files: that is told from the header, before the bulk is decoded.
 */
export async function readSnapshotFile(file: string, key?: string): Promise<LoadedSnapshot> {
  const data = await readFile(file);
  if (data.length < MAGIC.length + 5 || !data.subarray(0, MAGIC.length).equals(MAGIC) || data[MAGIC.length] !== SNAPSHOT_FORMAT) {
    throw new Error(`not a zonebot snapshot of format ${SNAPSHOT_FORMAT}: ${file}`);
  }
  const headerLength = data.readUInt32LE(MAGIC.length + 1);
  const lead = MAGIC.length + 5 + headerLength;
  const base = lead + ((ALIGN - (lead % ALIGN)) % ALIGN);
  const header = JSON.parse(data.toString('utf8', MAGIC.length + 5, lead)) as Header;
  if (key !== undefined && header.key !== key) throw new Error(`snapshot ${file} was made for other files`);
  const byName = new Map(header.sections.map((s) => [s.name, s]));
  const section = (name: string) => {
    const s = byName.get(name);
    if (!s || base + s.offset + s.bytes > data.length) throw new Error(`snapshot ${file} is truncated or lacks ${name}`);
    return s;
  };
  const array = <K extends ArrayKind>(name: string, kind: K): InstanceType<(typeof ARRAY_TYPES)[K]> => {
    const s = section(name);
    const Type = ARRAY_TYPES[kind];
    const start = data.byteOffset + base + s.offset;
    const length = s.bytes / Type.BYTES_PER_ELEMENT;
    // A view where the bytes are aligned for the type (the usual case: a large file gets a buffer of its own).
    const view = start % Type.BYTES_PER_ELEMENT === 0 ? new Type(data.buffer, start, length) : new Type(data.buffer.slice(start, start + s.bytes));
    return view as InstanceType<(typeof ARRAY_TYPES)[K]>;
  };
  const text = (name: string) => {
    const s = section(name);
    return data.toString('utf8', base + s.offset, base + s.offset + s.bytes);
  };

  const display = text('p.display');
  const normalized = text('p.normalized');
  const displayEnds = array('p.displayEnds', 'u32');
  const normalizedEnds = array('p.normalizedEnds', 'u32');
  const fileOf = array('p.file', 'u32');
  const numberOf = array('p.number', 'u32');
  const articleOf = array('p.article', 'u32');
  const sectionOf = array('p.section', 'i32');
  const sentenceStarts = array('p.sentenceStarts', 'u32');
  const sentenceEnds = array('p.sentenceEnds', 'u32');
  const paragraphs: Paragraph[] = new Array(numberOf.length);
  for (let i = 0; i < numberOf.length; i++) {
    const f = header.files[fileOf[i]!]!;
    const ends: [number, number][] = [];
    for (let k = sentenceStarts[i]!; k < sentenceStarts[i + 1]!; k++) ends.push([sentenceEnds[2 * k]!, sentenceEnds[2 * k + 1]!]);
    const p: Paragraph = {
      citation: `${f.id}-${numberOf[i]}`,
      file: f.name,
      number: numberOf[i]!,
      article: articleOf[i]!,
      display: display.slice(i ? displayEnds[i - 1] : 0, displayEnds[i]),
      normalized: normalized.slice(i ? normalizedEnds[i - 1] : 0, normalizedEnds[i]),
      sentenceEnds: ends,
    };
    if (sectionOf[i]! >= 0) p.section = header.sectionHeads[sectionOf[i]!]!;
    paragraphs[i] = p;
  }
  const articles: Article[] = header.articles.map((a) => ({ ...a, paragraphs: [] }));
  for (const p of paragraphs) articles[p.article]!.paragraphs.push(p.citation);
  const corpus: Corpus = { files: header.files, skipped: header.skipped, articles, paragraphs };
  const knowledge: Knowledge = { ...header.knowledge, figures: unpackFigures(paragraphs, header.knowledge.figures) };
  const engine = SearchEngine.load(corpus, knowledge, {
    arrays: {
      fieldCount: header.fieldCount,
      documentCount: header.documentCount,
      terms: splitTerms(text('i.terms')),
      offsets: array('i.offsets', 'u32'),
      docs: array('i.docs', 'u32'),
      counts: array('i.counts', 'u16'),
      fieldLengths: array('i.fieldLengths', 'u16'),
    },
    common: header.common,
    related: header.related,
    unitMasks: array('i.unitMasks', 'u32'),
  });
  return { engine, key: header.key, buildMs: header.buildMs, bytes: data.length };
}
