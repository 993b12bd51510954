/** One file of the corpus folder after decoding. */
export interface DecodedFile {
  /** Path relative to the corpus folder, `/`-separated, e.g. `000_46244daebe81452e.txt` or `2024/03/a.html`. */
  name: string;
  /** Decoded text with line ends normalized to `\n`. */
  text: string;
  /** How the bytes were decoded: `utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be`, `gb18030`, `big5hkscs` … */
  encoding: string;
  /** The headline a web page declares, the first line of `text`: a title even where it is long or ends in `？`. */
  headline?: string;
}

/** Why a file was not read; `other-type` is a file whose name is not of a corpus type. */
export const SKIP_KINDS = ['other-type', 'too-large', 'empty', 'binary', 'undecodable', 'unreadable'] as const;
export type SkipKind = (typeof SKIP_KINDS)[number];

/** A file that was not indexed, with the reason shown to the operator. */
export interface SkippedFile {
  /** Path relative to the corpus folder, `/`-separated. */
  name: string;
  kind: SkipKind;
  reason: string;
}

/** A sentence of a paragraph: `display` as shown, `normalized` as matched (NFKC, Simplified, lower case). */
export interface Sentence {
  display: string;
  normalized: string;
}

/** The unit of search and citation. */
export interface Paragraph {
  /** Stable citation id: the file's short id and the paragraph's number in the file, e.g. `000-11`. */
  citation: string;
  /** Corpus file name, e.g. `000_46244daebe81452e.txt`. */
  file: string;
  /** 1-based paragraph number within the file. */
  number: number;
  /** Index into `Corpus.articles`. */
  article: number;
  display: string;
  normalized: string;
  /**
   * Where each sentence ends, in `display` and in `normalized` (it starts where the previous one ended, spaces
   * skipped). Offsets rather than copies keep the snapshot and the heap free of the text a second time; see
   * `sentencesOf`.
   */
  sentenceEnds: [display: number, normalized: number][];
  /** The section head the paragraph stands under, if any. */
  section?: string;
}

export interface Article {
  /** Index in `Corpus.articles`. */
  index: number;
  file: string;
  title: string;
  /** True when the text has no headline: `title` is then empty, and nothing is shown or matched as a title. */
  untitled?: boolean;
  /** ISO date (YYYY-MM-DD), or month and day only (`--07-30`) when the text gives no year. */
  date?: string;
  source?: string;
  author?: string;
  /** The lines that credit the article, as written: its byline and its editors. */
  credits?: string[];
  /** Citations of the article's paragraphs, in order. */
  paragraphs: string[];
}

export interface Corpus {
  files: { name: string; id: string; encoding: string; bytes: number }[];
  skipped: SkippedFile[];
  articles: Article[];
  paragraphs: Paragraph[];
}
