/**
 * The corpus stage: decoded files → articles and paragraphs with stable citations, display and matching text.
 */
import { articleMeta } from './metadata.ts';
import { splitArticles } from './structure.ts';
import type { Article, Corpus, DecodedFile, Paragraph, SkippedFile } from './types.ts';
import { normalizeWithOffsets, sentenceBounds } from '../text/normalize.ts';

/**
 * Short citation prefixes: the part of each file name before the first `_`, `-` or `.` (`000` of
 * `000_46244daebe81452e.txt`), or the whole name without extension where two files would share a prefix.
 */
export function citationPrefixes(names: string[]): Map<string, string> {
  const stem = (n: string) => n.replace(/\.[^.]+$/u, '');
  const short = (n: string) => stem(n).split(/[_\-.\s]/u)[0] || stem(n);
  const counts = new Map<string, number>();
  for (const n of names) counts.set(short(n), (counts.get(short(n)) ?? 0) + 1);
  return new Map(names.map((n) => [n, counts.get(short(n)) === 1 ? short(n) : stem(n)]));
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
    for (const draft of splitArticles(file.text)) {
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
