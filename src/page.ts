/**
 * The transport-neutral result of a command: what every handler returns and every renderer (terminal, JSON,
 * Discord) draws. Texts are corpus excerpts; nothing here is written by the bot except labels and notices.
 */

/** Half-open ranges [start, end) of UTF-16 offsets into a string, marking matched query terms. */
export type Marks = Array<[number, number]>;

export interface Hit {
  /** e.g. `000-11` */
  citation: string;
  /** Corpus file name. */
  file: string;
  /** Paragraph number within the file. */
  paragraph: number;
  title: string;
  date?: string;
  source?: string;
  /** Canonical names of the zones the paragraph mentions. */
  zones: string[];
  /** The paragraph's display text. */
  text: string;
  /** The sentence of `text` that answers best; for a question asking a heading, the heading (see `heading`). */
  answer: string;
  /** The question asked for a heading, and `answer` is the one this passage stands under: its section's or its article's. */
  heading?: true;
  /** Matched terms inside `answer`. */
  answerMarks: Marks;
  /** For an English question: the Chinese terms it was read into that this passage holds, with their English (CC-CEDICT). */
  glosses?: Gloss[];
  score: number;
  /** The zones or places the question asked about that this passage is not about (none in the corpus are). */
  notAbout?: string[];
  /** The passage is a headline from the page's list of related stories, not the article's own text. */
  relatedHeadline?: true;
  /** The passage is the article's credit lines (its byline, its editors), shown for a question of who wrote it. */
  credit?: true;
}

export interface Gloss {
  term: string;
  english: string;
}

export interface ZoneProfile {
  name: string;
  aliases: string[];
  kind: string;
  articles: { title: string; file: string; date?: string; citation: string }[];
  measures: { name: string; paragraphs: number }[];
  /** Key figures of the zone, most notable first. */
  facts: Fact[];
}

export interface Fact {
  /** null where the text does not say which zone. */
  zone: string | null;
  metric: string;
  value: string;
  unit: string;
  /** Value and unit as the text writes them: `150余批次`, `22.13亿元`. */
  written: string;
  /** null where the text gives no time scope. */
  period: string | null;
  /** The sentence the figure comes from. */
  text: string;
  citation: string;
}

export interface MeasureEntry {
  name: string;
  variants: string[];
  zones: string[];
  paragraphs: number;
}

export interface CorpusNumbers {
  files: number;
  skipped: number;
  /** The skipped files counted by why (`other-type`, `too-large`, `empty`, `binary`, `undecodable`, `unreadable`). */
  skippedBy?: Record<string, number>;
  articles: number;
  paragraphs: number;
  zones: number;
  measures: number;
  figures: number;
  indexBytes: number;
  buildMs: number;
  fromSnapshot: boolean;
}

/** A short labelled line such as a resolved measure's zones. */
export interface Detail {
  label: string;
  value: string;
}

export type NoticeCode =
  | 'no-results'
  | 'empty-query'
  | 'too-long'
  | 'invalid-option'
  | 'unknown-zone'
  | 'ambiguous-zone'
  | 'unknown-measure'
  | 'measure-not-catalogued'
  /** No measure or passage has the typed name; the one catalogue entry near it (the detail) is shown instead. */
  | 'measure-nearest'
  | 'unknown-citation'
  | 'no-figures'
  /** The question names zones or places (the detail) that the corpus says nothing about. */
  | 'not-in-corpus';

export interface Notice {
  code: NoticeCode;
  /** The offending value or the validation message, echoed for the user. */
  detail?: string;
}

export interface ResultPage {
  command: 'ask' | 'zone' | 'measure' | 'stats' | 'source' | 'help';
  query: string;
  /** 1-based page number, clamped to [1, pages]. */
  page: number;
  pages: number;
  /** Number of items across all pages (hits, facts or catalogue entries). */
  total: number;
  pageSize: number;
  hits: Hit[];
  /** Why there is nothing to show, or what was refused; renderers word it in the user's language. */
  notice?: Notice;
  /** Other names the user may have meant (ambiguous zone or measure). */
  candidates?: string[];
  zone?: ZoneProfile;
  measure?: MeasureEntry;
  catalogue?: MeasureEntry[];
  facts?: Fact[];
  corpus?: CorpusNumbers;
  details?: Detail[];
  /** For `source`: the article around the cited paragraph. */
  context?: { before?: Hit; after?: Hit };
}
