/**
 * A deterministic generator of synthetic corpora built from the seeds' own material: sentences recombined across
 * articles, zone names, dates and figures substituted, a share of the files in Traditional characters (some with
 * pinyin annotations, as seed 002) and a share in GB18030, in the seeds' line and file shapes (a dated single
 * article as 003, an editor-headed page as 001, a newspaper page of several articles as 004).
 *
 * `tsx bench/generate.ts 10000` writes bench/corpora/10000/ (git-ignored).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { pinyin } from 'pinyin-pro';
import { buildCorpus } from '../src/corpus/build.ts';
import { readCorpusFolder } from '../src/corpus/read.ts';
import { buildKnowledge } from '../src/extract/knowledge.ts';
import { splitSentences, toSimplified, toTraditional } from '../src/text/normalize.ts';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CORPORA_DIR = path.join(ROOT, 'bench', 'corpora');

/** mulberry32: small, fast, and the same numbers for the same seed on every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Place names for the synthetic zones and districts: invented combinations, not a gazetteer of real places.
const PLACE_A = '临港 东城 西湖 南山 北辰 青云 龙泉 金桥 银河 松江 梅岭 桃源 柳湾 杏林 枫桥 兰陵 竹溪 石门 云台 玉泉'.split(' ');
const PLACE_B = '新 滨 湾 源 山 河 湖 岭 川 洲'.split(' ');
const ZONE_SUFFIX = ['经济开发区', '高新技术产业开发区', '产业园区', '工业园区'];
const MEDIA = ['大众网', '齐鲁网', '济南日报', '爱济南客户端', '新华网', '经济日报'];
const NAMES = '王菊 李明 张伟 刘洋 陈静 杨帆 赵磊 孙倩 周婷 吴昊 郑爽 冯宇'.split(' ');

interface Material {
  sentences: string[];
  titles: string[];
  /** Zone forms of the seeds, longest first, to be replaced by a synthetic zone. */
  zoneForms: string[];
}

async function seedMaterial(): Promise<Material> {
  const { files } = await readCorpusFolder(path.join(ROOT, 'seeds'));
  const corpus = buildCorpus(files);
  const knowledge = buildKnowledge(corpus);
  const sentences = corpus.paragraphs.flatMap((p) => splitSentences(toSimplified(p.display))).filter((s) => s.length >= 12);
  const titles = corpus.articles.map((a) => toSimplified(a.title)).filter((t) => t.length <= 40);
  const zoneForms = [...new Set(knowledge.zones.flatMap((z) => [...z.forms, ...(z.short && z.kind !== '行政区' ? [z.short] : [])]))];
  return { sentences, titles, zoneForms: zoneForms.sort((a, b) => b.length - a.length) };
}

function pick<T>(rnd: () => number, items: T[]): T {
  return items[Math.floor(rnd() * items.length)]!;
}

/** Numbers take other values of the same shape; years, months and days stay plausible. */
function substituteFigures(text: string, rnd: () => number): string {
  return text.replace(/(?<![\d.])\d+(?:\.\d+)?(?![\d.年月日])/gu, (n) =>
    n.replace(/\d/gu, (d, i: number) => String(i === 0 && d !== '0' ? 1 + Math.floor(rnd() * 9) : Math.floor(rnd() * 10))),
  );
}

function substituteZones(text: string, forms: string[], zone: string, short: string): string {
  let out = text;
  for (const form of forms) out = out.split(form).join(form.length <= 2 ? short : zone);
  return out;
}

/** Pinyin after some characters, as seed 002 has them: 濟(jì)南. */
function annotatePinyin(text: string, rnd: () => number): string {
  return text.replace(/\p{Script=Han}/gu, (ch) => (rnd() < 0.15 ? `${ch}(${pinyin(toSimplified(ch), { toneType: 'symbol' })})` : ch));
}

interface SynthArticle {
  title: string;
  zone: string;
  date: { y: number; m: number; d: number };
  paragraphs: string[];
}

function article(rnd: () => number, material: Material): SynthArticle {
  const place = pick(rnd, PLACE_A) + (rnd() < 0.3 ? pick(rnd, PLACE_B) : '');
  const zone = place + pick(rnd, ZONE_SUFFIX);
  const date = { y: 2018 + Math.floor(rnd() * 8), m: 1 + Math.floor(rnd() * 12), d: 1 + Math.floor(rnd() * 28) };
  const fix = (s: string) => substituteFigures(substituteZones(s, material.zoneForms, zone, place), rnd);
  // Each sentence ends as a sentence does, so that paragraphs are paragraphs and not fragments to be joined.
  const sentence = () => fix(pick(rnd, material.sentences)).replace(/([^。！？!?；;…”)）])$/u, '$1。');
  const paragraphs = Array.from({ length: 3 + Math.floor(rnd() * 4) }, () => Array.from({ length: 2 + Math.floor(rnd() * 2) }, sentence).join(''));
  return { title: fix(pick(rnd, material.titles)), zone, date, paragraphs };
}

const two = (n: number) => String(n).padStart(2, '0');

/** One article as seed 003 writes it: headline, dateline with source and author, indented paragraphs. */
function datedArticle(a: SynthArticle, rnd: () => number): string {
  const { y, m, d } = a.date;
  const head = `${a.title}\n\n${y}-${two(m)}-${two(d)} 09:${two(Math.floor(rnd() * 60))}:00 来源: ${pick(rnd, MEDIA)} 作者: ${pick(rnd, NAMES)}\n\n`;
  return head + a.paragraphs.map((p) => `  ${p}`).join('\n\n') + `\n\n初审编辑:${pick(rnd, NAMES)}\n\n责任编辑:${pick(rnd, NAMES)}\n`;
}

/** As seed 001: editor lines first, one paragraph a line, CRLF line ends. */
function editorPage(a: SynthArticle, rnd: () => number): string {
  return [`初审编辑:`, `责任编辑:${pick(rnd, NAMES)}`, ...a.paragraphs, `(${pick(rnd, MEDIA)} 记者:${pick(rnd, NAMES)})`].join('\r\n');
}

/** As seed 004: a newspaper page of several short articles, each with a desk lede. */
function newspaperPage(articles: SynthArticle[], rnd: () => number): string {
  const parts = articles.map((a) => `${a.title}\n\n开发区讯(${pick(rnd, NAMES)})${a.date.m}月${a.date.d}日,${a.paragraphs.join('\n\n')}`);
  return `\n\n${parts.join('\n\n')}\n\n统稿:${pick(rnd, NAMES)} 本版责编:${pick(rnd, NAMES)} 校对:${pick(rnd, NAMES)}`;
}

export interface GenerateOptions {
  articles: number;
  seed?: number;
  outDir?: string;
  /** Shares of files written in Traditional characters and in GB18030. */
  traditional?: number;
  gb18030?: number;
}

/** Writes the corpus and returns its folder. Same options, same bytes. */
export async function generateCorpus(options: GenerateOptions): Promise<string> {
  const rnd = random(options.seed ?? 20241203);
  const outDir = options.outDir ?? path.join(CORPORA_DIR, String(options.articles));
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const material = await seedMaterial();
  let written = 0;
  let file = 0;
  while (written < options.articles) {
    const shape = rnd();
    const count = shape < 0.15 ? Math.min(3 + Math.floor(rnd() * 5), options.articles - written) : 1;
    const arts = Array.from({ length: count }, () => article(rnd, material));
    let text = shape < 0.15 ? newspaperPage(arts, rnd) : shape < 0.45 ? editorPage(arts[0]!, rnd) : datedArticle(arts[0]!, rnd);
    const traditional = rnd() < (options.traditional ?? 0.1);
    if (traditional) text = toTraditional(text);
    if (traditional && rnd() < 0.3) text = annotatePinyin(text, rnd);
    const bytes = rnd() < (options.gb18030 ?? 0.1) ? iconv.encode(text, 'gb18030') : Buffer.from(text);
    writeFileSync(path.join(outDir, `g${String(file).padStart(6, '0')}_${(file * 2654435761 >>> 0).toString(16)}.txt`), bytes);
    written += count;
    file++;
  }
  return outDir;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const articles = Number(process.argv[2] ?? 1000);
  const started = performance.now();
  const dir = await generateCorpus({ articles });
  console.log(`${articles} articles in ${dir} (${Math.round(performance.now() - started)} ms)`);
}
