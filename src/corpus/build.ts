/**
 * The corpus stage: decoded files → articles and paragraphs with stable citations, display and matching text.
 */
import { articleMeta } from './metadata.ts';
import { splitArticles } from './structure.ts';
import type { Article, Corpus, DecodedFile, Paragraph, SkippedFile } from './types.ts';
import { normalizeWithOffsets, sentenceBounds } from '../text/normalize.ts';

/**
 * Short citation prefixes: the part of each file name before the first `_`, `-` or `.` (`000` of
 * `000_46244daebe81452e.txt`), or the whole name without extension where two files of the same folder would
 * share a prefix (with it, where they would share that too: `a.txt`, `a.md`). A file in a subfolder is cited with
 * its folder path before it (`2024/03/000-2`), so a prefix is unique within its folder only and a file added to
 * another folder never changes it.
 */
export function citationPrefixes(names: string[]): Map<string, string> {
  const split = (n: string) => ({ folder: n.slice(0, n.lastIndexOf('/') + 1), base: n.slice(n.lastIndexOf('/') + 1) });
  const stem = (base: string) => base.replace(/\.[^.]+$/u, '');
  const short = (base: string) => stem(base).split(/[_\-.\s]/u)[0] || stem(base);
  const counts = new Map<string, number>();
  const count = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const n of names) {
    const { folder, base } = split(n);
    count(folder + short(base));
    count(folder + stem(base) + '\u0000');
  }
  return new Map(
    names.map((n) => {
      const { folder, base } = split(n);
      if (counts.get(folder + short(base)) === 1) return [n, folder + short(base)];
      return [n, folder + (counts.get(folder + stem(base) + '\u0000') === 1 ? stem(base) : base)];
    }),
  );
}

/** The first normalized position whose display character is at or after `display` (offsets ascend). */
function normalizedOffset(offsets: number[], display: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid]! < display) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function buildCorpus(files: DecodedFile[], skipped: SkippedFile[] = []): Corpus {
  const prefixes = citationPrefixes(files.map((f) => f.name));
  const corpus: Corpus = { files: [], skipped: [...skipped], articles: [], paragraphs: [] };
  for (const file of files) {
    const id = prefixes.get(file.name)!;
    corpus.files.push({ name: file.name, id, encoding: file.encoding, bytes: Buffer.byteLength(file.text) });
    const seen = new Set<string>();
    let number = 0;
    for (const draft of splitArticles(file.text, file.headline)) {
      const article: Article = { index: corpus.articles.length, file: file.name, ...articleMeta(draft, file.text), paragraphs: [] };
      for (const p of draft.paragraphs) {
        const { text: normalized, offsets } = normalizeWithOffsets(p.text);
        // A page repeats its own lede among the teasers: cite it once.
        if (seen.has(normalized)) continue;
        seen.add(normalized);
        number++;
        const paragraph: Paragraph = {
          citation: `${id}-${number}`,
          file: file.name,
          number,
          article: article.index,
          display: p.text,
          normalized,
          sentenceEnds: sentenceBounds(p.text).map(([, end]) => [end, normalizedOffset(offsets, end)]),
        };
        if (p.section) paragraph.section = p.section;
        corpus.paragraphs.push(paragraph);
        article.paragraphs.push(paragraph.citation);
      }
      if (article.paragraphs.length) corpus.articles.push(article);
    }
  }
  return corpus;
}
