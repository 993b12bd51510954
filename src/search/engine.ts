/**
 * The search engine: an inverted index over the corpus's paragraphs, fed with pre-segmented text, and the
 * answer picker that finds, in each hit, the sentence that answers and the terms to mark.
 */
import { sentencesOf } from '../corpus/sentences.ts';
import { RELATED_HEADLINES } from '../corpus/structure.ts';
import type { Corpus, Paragraph } from '../corpus/types.ts';
import type { Knowledge } from '../extract/knowledge.ts';
import { mentionForms } from '../extract/zones.ts';
import { addUserWords } from '../text/jieba.ts';
import { normalizeForMatch } from '../text/normalize.ts';
import { pickAnswer, readQuestion, type Answer, type QuestionReading, type StatedFigure } from './answer-picker.ts';
import type { AskedHeading } from './asked-heading.ts';
import { askedKind, askedUnitWord, statedKinds } from './asked-unit.ts';
import { InvertedIndex, InvertedIndexBuilder, type IndexArrays, type QueryGroup } from './inverted-index.ts';
import { RelatedWords, type RelatedTable } from './related-words.ts';
import { contentWords, fallbackGrams, queryTerms, segment } from './tokenize.ts';

export type { Answer } from './answer-picker.ts';

/** The indexed fields of a paragraph, in the index's field order, and how much a match in each counts. */
const FIELDS = ['title', 'zones', 'section', 'body', 'grams'] as const;
type Field = (typeof FIELDS)[number];
/** Zone names and titles say what a paragraph is about; bigrams only stand in for words jieba does not know. */
const FIELD_BOOST: Record<Field, number> = { title: 1.5, zones: 2, section: 1.2, body: 1, grams: 0.5 };
const fieldsOf = (names: Field[]) => names.map((name) => ({ field: FIELDS.indexOf(name), boost: FIELD_BOOST[name] }));
const WORD_FIELDS = fieldsOf(['title', 'zones', 'section', 'body']);
const GRAM_FIELDS = fieldsOf(['grams']);
const TWO_HAN = /^\p{Script=Han}{2,}$/u;

/** How much a paragraph that holds the asked kind of answer (a count in the asked unit, a span of time) gains. */
const UNIT_BOOST = 1.25;

export interface SearchHit {
  /** Index into `corpus.paragraphs`. */
  index: number;
  score: number;
}

/** Words the dictionary must keep whole: zone names and their short forms, measure names. */
export function dictionaryWords(knowledge: Knowledge): string[] {
  const zoneWords = knowledge.zones.flatMap((z) => [...mentionForms(z), ...(z.short ? [z.short] : []), ...(z.bareForms ?? [])]);
  const measureWords = knowledge.measures.flatMap((m) => m.variants);
  return [...new Set([...zoneWords, ...measureWords])].filter((w) => w.length >= 2);
}

/**
 * Every written form of a zone, mapped to its name, so that 济南济北经济开发区 in a text and 济北开发区 in a
 * question (or the other way round) are the same term.
 */
function zoneCanon(knowledge: Knowledge): Map<string, string> {
  const canon = new Map<string, string>();
  for (const z of knowledge.zones) for (const form of [...z.forms, ...mentionForms(z)]) canon.set(form, z.name);
  return canon;
}

/**
 * The zone forms a question may use: those of the text, and a zone's name without its city (新材料产业园区), which in
 * a question means the corpus's one zone of that name but in running text may be another city's park.
 */
function questionCanon(knowledge: Knowledge): Map<string, string> {
  const canon = zoneCanon(knowledge);
  for (const z of knowledge.zones) for (const form of z.bareForms ?? []) if (!canon.has(form)) canon.set(form, z.name);
  return canon;
}

/** Terms of a text: words, with zone forms turned into their zone's name. */
const termsOf = (tokens: string[], canon: Map<string, string>) => contentWords(tokens).map((w) => canon.get(w) ?? w);

/** A paragraph's terms per field, in FIELDS order. The title's terms are the article's, segmented once. */
function fieldTerms(knowledge: Knowledge, canon: Map<string, string>, title: string[], p: Paragraph, index: number, text: string): string[][] {
  const tokens = segment(text);
  return [
    title,
    knowledge.paragraphZones[index]!,
    p.section ? termsOf(segment(normalizeForMatch(p.section)), canon) : [],
    termsOf(tokens, canon),
    fallbackGrams(tokens),
  ];
}

/** Clauses: the parts of a sentence between commas, semicolons and colons (normalized text has ASCII ones). */
const CLAUSE_END = /[,;:]/u;
/**
 * A sentence at least this much of whose text (in characters) is in clauses already seen is a copy. Half, chosen
 * on the development questions over 10,000 synthetic articles (0.8 missed copies with a dateline put before them).
 */
const COPY_SHARE = 0.5;

/**
 * The text of a paragraph that the index reads: its sentences, less the seen clauses of sentences that are
 * copies — sentences at least half of whose text is in clauses that stand word for word earlier in the corpus (files
 * in name order). A reposted or recycled passage, with a dateline put before it or a clause changed, is then found
 * where it first appears, rather than once per copy: in an archive that repeats a passage hundreds of times, its
 * copies would fill every page. Whatever a copy adds (the dateline, the changed clause) is indexed, the copies stay
 * in their paragraphs, shown and cited, and a paragraph is still found by everything else it says. `seen`
 * gathers the clauses read so far.
 */
function unseenText(p: Paragraph, seen: Set<string>): string {
  const kept: string[] = [];
  let start = 0;
  for (const [, end] of p.sentenceEnds) {
    const clauses = p.normalized.slice(start, end).split(CLAUSE_END).map((c) => c.trim()).filter(Boolean);
    start = end;
    const length = clauses.reduce((sum, c) => sum + c.length, 0);
    const seenLength = clauses.reduce((sum, c) => sum + (seen.has(c) ? c.length : 0), 0);
    const copy = seenLength >= COPY_SHARE * length;
    for (const clause of clauses) {
      if (!seen.has(clause)) seen.add(clause);
      else if (copy) continue;
      kept.push(clause);
    }
  }
  return kept.join(' ');
}

/** What a snapshot keeps of the index: its arrays, and how many paragraphs hold each common term. */
export interface IndexSnapshot {
  arrays: IndexArrays;
  common: [term: string, paragraphs: number][];
  /** Per paragraph: the kinds of answer it holds, units it counts in among them (see `statedKinds`). */
  unitMasks: Uint32Array;
  related: RelatedTable;
}

/**
 * A term in more than this share of the paragraphs says little about which one answers (its BM25 weight is
 * near nothing) yet costs a score for each of them: such terms are left out of a query that has rarer ones.
 */
const COMMON_SHARE = 0.05;
/** Terms are only counted as common in a corpus large enough for the share to mean something. */
const COMMON_MIN_PARAGRAPHS = 2000;

export interface SearchOptions {
  /** Keeps only some paragraphs (by index). */
  filter?: (index: number) => boolean;
  /** How many of the best hits to return (all when not given); `total` still counts every match. */
  limit?: number;
}

/**
 * The head of a metric, its last word (a Chinese noun phrase ends in its head): 投资 of 固定资产投资; with the
 * suffix that makes a count or an amount of it (中小企业数, 签约额).
 */
function headWord(metric: string): string {
  const tokens = segment(metric);
  let head = tokens.pop() ?? metric;
  while (head.length === 1 && tokens.length) head = tokens.pop()! + head;
  return head;
}

/** From names per paragraph to paragraphs per name, in corpus order. */
function invert(namesOfParagraph: string[][]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  namesOfParagraph.forEach((names, i) => {
    for (const name of names) {
      const list = index.get(name);
      if (list) list.push(i);
      else index.set(name, [i]);
    }
  });
  return index;
}

export class SearchEngine {
  readonly corpus: Corpus;
  readonly knowledge: Knowledge;
  private readonly index: InvertedIndex;
  /** Zone names: they say which paragraphs to look at, not which sentence answers. */
  private readonly zoneWords: Set<string>;
  /** Zone forms a question may use, to the zone's name (`questionCanon`). */
  private readonly canon: Map<string, string>;
  /** Terms held by more than COMMON_SHARE of the paragraphs, with their counts. */
  private readonly common: Map<string, number>;
  private readonly unitMasks: Uint32Array;
  private readonly zoneNames: Set<string>;
  /** Every written form of each zone, by the zone's name. */
  private readonly formsOfZone = new Map<string, string[]>();
  /** The corpus's words for the same figure as a question's word, made at build time (see `related-words.ts`). */
  related = new RelatedWords();

  private constructor(corpus: Corpus, knowledge: Knowledge, index: InvertedIndex, common: Map<string, number>, unitMasks: Uint32Array) {
    this.corpus = corpus;
    this.knowledge = knowledge;
    this.index = index;
    this.common = common;
    this.unitMasks = unitMasks;
    this.zoneWords = new Set(knowledge.zones.flatMap((z) => [...mentionForms(z), ...z.forms, ...(z.short ? [z.short] : []), ...(z.bareForms ?? [])]));
    this.canon = questionCanon(knowledge);
    this.zoneNames = new Set(this.canon.values());
    for (const [form, zone] of this.canon) {
      const forms = this.formsOfZone.get(zone);
      if (forms) forms.push(form);
      else this.formsOfZone.set(zone, [form]);
    }
  }

  /** Indexes every paragraph. Adds the knowledge's names to the dictionary first, so they stay whole. */
  static build(corpus: Corpus, knowledge: Knowledge, onProgress?: (stage: string, done: number, total: number) => void): SearchEngine {
    addUserWords(dictionaryWords(knowledge));
    const builder = new InvertedIndexBuilder(FIELDS.length);
    const canon = zoneCanon(knowledge);
    // Titles are shared by an article's paragraphs: segment each once.
    // An article without a headline is named by its opening words, which its first paragraph already holds.
    const titles = corpus.articles.map((a) => (a.untitled ? [] : termsOf(segment(normalizeForMatch(a.title)), canon)));
    const total = corpus.paragraphs.length;
    const paragraphsWith = new Map<string, number>();
    const unitMasks = new Uint32Array(total);
    const countOnce = (terms: Iterable<string>) => {
      for (const term of new Set(terms)) paragraphsWith.set(term, (paragraphsWith.get(term) ?? 0) + 1);
    };
    const seenSentences = new Set<string>();
    corpus.paragraphs.forEach((p, i) => {
      const text = unseenText(p, seenSentences);
      const fields = fieldTerms(knowledge, canon, titles[p.article]!, p, i, text);
      builder.add(fields);
      const [title, , section, body, grams] = fields;
      countOnce([...body!, ...section!, ...title!]);
      countOnce(grams!.map((g) => `#${g}`));
      unitMasks[i] = statedKinds(text);
      if (onProgress && (i % 1000 === 999 || i === total - 1)) onProgress('index', i + 1, total);
    });
    const threshold = total >= COMMON_MIN_PARAGRAPHS ? COMMON_SHARE * total : Infinity;
    const common = new Map([...paragraphsWith].filter(([, n]) => n > threshold));
    return new SearchEngine(corpus, knowledge, builder.finish(), common, unitMasks);
  }

  static load(corpus: Corpus, knowledge: Knowledge, index: IndexSnapshot): SearchEngine {
    addUserWords(dictionaryWords(knowledge));
    const engine = new SearchEngine(corpus, knowledge, new InvertedIndex(index.arrays), new Map(index.common), index.unitMasks);
    engine.related = new RelatedWords(index.related);
    return engine;
  }

  indexSnapshot(): IndexSnapshot {
    return { arrays: this.index.arrays, common: [...this.common], unitMasks: this.unitMasks, related: this.related.table() };
  }

  /** In how many paragraphs' text a term stands (its body postings): how common a word of the corpus is. */
  paragraphsWith(term: string): number {
    return this.paragraphsHolding(term).length;
  }

  /**
   * How much a word says about where an answer is, from 0.5 (in every paragraph) to 1.5 (in one, or none): its
   * inverse document frequency over the largest it can be.
   */
  rarity(word: string): number {
    const n = this.corpus.paragraphs.length;
    return 0.5 + Math.log((n + 1) / (this.paragraphsWith(word) + 1)) / Math.log(n + 1);
  }

  /** The paragraphs whose text holds a term (its body postings), in corpus order. */
  paragraphsHolding(term: string): Uint32Array {
    const t = this.index.termId(term);
    if (t < 0) return new Uint32Array(0);
    const { offsets, docs, fieldCount } = this.index.arrays;
    const body = FIELDS.indexOf('body');
    return docs.subarray(offsets[t * fieldCount + body]!, offsets[t * fieldCount + body + 1]!);
  }

  private corpusWords: string[] | undefined;

  /**
   * The corpus's own words: terms of the word fields (not the bigram field) with at least two Han characters.
   * Tables from the user's words to the corpus's (pinyin, English) are built over these, so that they only
   * ever lead to terms the index holds.
   */
  words(): string[] {
    if (this.corpusWords) return this.corpusWords;
    const { terms, offsets, fieldCount } = this.index.arrays;
    const wordFields = WORD_FIELDS.map((f) => f.field);
    this.corpusWords = terms.filter(
      (term, t) => TWO_HAN.test(term) && wordFields.some((f) => offsets[t * fieldCount + f + 1]! > offsets[t * fieldCount + f]!),
    );
    return this.corpusWords;
  }

  private citationIndex: Map<string, number> | undefined;
  private zoneIndex: Map<string, number[]> | undefined;

  /** The paragraph a citation names (case does not matter), by lookup rather than by scanning. */
  paragraphIndex(citation: string): number | undefined {
    this.citationIndex ??= new Map(this.corpus.paragraphs.map((p, i) => [p.citation.toLowerCase(), i]));
    return this.citationIndex.get(citation.toLowerCase());
  }

  private measureIndex: Map<string, number[]> | undefined;

  /** The paragraphs about a zone, in corpus order. */
  zoneParagraphs(zone: string): number[] {
    this.zoneIndex ??= invert(this.knowledge.paragraphZones);
    return this.zoneIndex.get(zone) ?? [];
  }

  /** The paragraphs that name a measure, in corpus order. */
  measureParagraphs(measure: string): number[] {
    this.measureIndex ??= invert(this.knowledge.paragraphMeasures);
    return this.measureIndex.get(measure) ?? [];
  }

  /** The corpus's zones a question names, by any form the text writes them in (济北, 济南济北经济开发区). */
  zonesNamedIn(question: string): string[] {
    return [...new Set(queryTerms(question).words.map((w) => this.canon.get(w)).filter((z) => z !== undefined))];
  }

  /** Every form the text writes a zone in, by the zone's name. */
  zoneForms(zone: string): string[] {
    return this.formsOfZone.get(zone) ?? [];
  }

  /** Leaves common terms out when rarer ones remain (keeping the two rarest at least). */
  private informative(terms: string[], key: (t: string) => string, keep: (t: string) => boolean = () => false): string[] {
    const rare = terms.filter((t) => keep(t) || !this.common.has(key(t)));
    if (rare.length >= 2 || rare.length === terms.length) return rare;
    const byCount = [...terms].sort((a, b) => (this.common.get(key(a)) ?? 0) - (this.common.get(key(b)) ?? 0));
    return [...new Set([...rare, ...byCount])].slice(0, Math.max(2, rare.length));
  }

  /** Ranked paragraphs for a free-text query, best first, and how many matched in all. */
  search(query: string, options: SearchOptions = {}): { hits: SearchHit[]; total: number } {
    const { words: asked, tokens, normalized } = queryTerms(query);
    // The unit asked in (多少名) says how the answer is written, not what it is about: the boost below looks for it.
    const unitWord = askedUnitWord(normalized);
    const w = asked.filter((word) => word !== unitWord);
    // A zone name counts once, as its canonical term; its characters' bigrams would count it again.
    const grams = fallbackGrams(tokens.filter((t) => !this.canon.has(t)));
    const allWords = [...new Set(w.map((word) => this.canon.get(word) ?? word))];
    // A zone the question names always counts: it says which paragraphs are meant.
    const wordTerms = this.informative(allWords, (t) => t, (t) => this.zoneNames.has(t));
    // Two-character words are also looked up among the bigrams, to meet the same characters inside longer words.
    const gramTerms = this.informative([...new Set([...grams, ...allWords.filter((t) => t.length === 2)])], (t) => `#${t}`);
    if (wordTerms.length === 0 && gramTerms.length === 0) return { hits: [], total: 0 };
    // Words are looked up in the word fields and bigrams in the bigram field only.
    // The corpus's other words for a question's metric word (合同 → 签约额) count below it, as the same term.
    const related = wordTerms.flatMap((word) => this.related.of(word).filter(([term]) => !allWords.includes(term)).map(([term, weight]) => ({ term, weight, word })));
    const groups: QueryGroup[] = [
      { terms: wordTerms, fields: WORD_FIELDS },
      { terms: gramTerms, fields: GRAM_FIELDS },
      { terms: related.map((r) => r.term), fields: WORD_FIELDS, weights: related.map((r) => r.weight), standsFor: related.map((r) => r.word) },
    ];
    const bit = askedKind(normalized);
    const { hits, total } = this.index.search(groups, {
      ...(options.filter ? { accept: options.filter } : {}),
      ...(bit ? { boost: (doc: number) => (this.unitMasks[doc]! & bit ? UNIT_BOOST : 1) } : {}),
      ...(options.limit !== undefined ? { limit: options.limit } : {}),
    });
    return { hits: hits.map((h) => ({ index: h.doc, score: h.score })), total };
  }

  /** What the answer picker reads from a question; a page asks it once per hit, so the last one is kept. */
  private lastQuestion: { query: string; reading: QuestionReading } | undefined;
  private sentenceFigures: Map<number, Map<string, StatedFigure[]>> | undefined;

  /** The figures the knowledge step read from each sentence of a paragraph, by the sentence's display text. */
  private figuresOf(paragraphIndex: number): Map<string, StatedFigure[]> | undefined {
    if (!this.sentenceFigures) {
      this.sentenceFigures = new Map();
      for (const f of this.knowledge.figures) {
        const i = this.paragraphIndex(f.citation);
        if (i === undefined) continue;
        let bySentence = this.sentenceFigures.get(i);
        if (!bySentence) this.sentenceFigures.set(i, (bySentence = new Map()));
        const figure = { metric: f.metric, head: headWord(f.metric), written: f.written ?? `${f.value}${f.unit}` };
        const list = bySentence.get(f.text);
        if (list) list.push(figure);
        else bySentence.set(f.text, [figure]);
      }
    }
    return this.sentenceFigures.get(paragraphIndex);
  }

  /** The sentence of a paragraph that answers the query best, with the query's terms marked in it. */
  answer(paragraphIndex: number, query: string): Answer {
    const p = this.corpus.paragraphs[paragraphIndex]!;
    if (this.lastQuestion?.query !== query) {
      const context = { zoneWords: this.zoneWords, canon: this.canon, formsOfZone: this.formsOfZone, related: this.related, rarity: (word: string) => this.rarity(word) };
      this.lastQuestion = { query, reading: readQuestion(query, context) };
    }
    const { reading } = this.lastQuestion;
    // A heading asked for is answered by the one the passage stands under; a passage under none answers nothing.
    const heading = reading.heading ? this.headingOf(paragraphIndex, reading.heading) : undefined;
    if (heading) return { ...pickAnswer([{ display: heading, normalized: normalizeForMatch(heading) }], reading, () => []), heading: true };
    const sentences = sentencesOf(p);
    const figures = this.figuresOf(paragraphIndex);
    const whole = [{ display: p.display, normalized: p.normalized }];
    const best = pickAnswer(sentences.length ? sentences : whole, reading, (i) => figures?.get(sentences[i]?.display ?? '') ?? []);
    return reading.heading ? { ...best, score: 0 } : best;
  }

  /** The section head a paragraph stands under, or its article's title; undefined where it has none. */
  headingOf(paragraphIndex: number, which: AskedHeading): string | undefined {
    const p = this.corpus.paragraphs[paragraphIndex]!;
    const heading = which === 'section' ? p.section : this.corpus.articles[p.article]!.title;
    return heading && heading !== RELATED_HEADLINES ? heading : undefined;
  }

}

