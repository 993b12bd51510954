/**
 * A question in the user's own words, read into the corpus's: English through the dictionary (loaded on the
 * first English question only), pinyin through the corpus's own words. A Chinese question without Latin
 * letters passes through untouched, so the way to the first Chinese answer loads neither.
 */
import type { Gloss } from '../page.ts';
import type { SearchEngine } from '../search/engine.ts';
import { rewritePinyin } from '../search/pinyin-query.ts';
import { isEnglish, readEnglish } from './english.ts';

export interface ReadQuestion {
  /** What the index is searched with and the answer picker reads. */
  query: string;
  /** For an English question: the Chinese terms it was read into, with their English. */
  glosses?: Map<string, string>;
}

/** How many glosses an excerpt shows at most. */
const MAX_GLOSSES = 6;

/** The question's terms that a paragraph holds, with their English: an English reader's key to the citation. */
export function glossesFor(engine: SearchEngine, paragraph: number, glosses: Map<string, string>): Gloss[] {
  const text = engine.corpus.paragraphs[paragraph]!.normalized;
  const held: Gloss[] = [];
  for (const [term, english] of glosses) if (text.includes(term)) held.push({ term, english });
  return held.slice(0, MAX_GLOSSES);
}

export function readUserQuestion(engine: SearchEngine, question: string): ReadQuestion {
  if (!/[a-zA-Z\u00c0-\u024f]/u.test(question)) return { query: question };
  // Pinyin first: a question all of whose Latin words spell corpus words (`jibei kaifaqu`) is not English, and
  // must not cost the dictionary. What is English is judged on what the pinyin left: a Chinese question with a few
  // pinyin words the table cannot read (`liaocheng kaifaqu 建了多少处 xinshidai`) keeps its Chinese.
  const query = rewritePinyin(question, engine);
  if (isEnglish(query)) return readEnglish(engine, question);
  return { query };
}
