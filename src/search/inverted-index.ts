/**
 * An inverted index held in a few typed arrays: documents are numbers, each field of a document a list of
 * terms. A posting list per (term, field) holds the documents in ascending order and the term's count in each.
 *
 * It scores as MiniSearch does (BM25+ per field, k 1.2, b 0.7, d 0.5, weighted by the field's boost, summed over
 * the query's terms, times the number of distinct query terms matched), so rankings carry over; but where
 * MiniSearch keeps a Map per term and field and rebuilds them all from JSON on load, this index is a handful of
 * arrays that a snapshot stores as raw bytes and loads without parsing, and a query keeps only the best `limit`
 * documents instead of sorting every match.
 */

const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/** The arrays an index is made of: what a snapshot stores. */
export interface IndexArrays {
  fieldCount: number;
  documentCount: number;
  /** The vocabulary, sorted (UTF-16 order), so a term is found by binary search without a Map to build. */
  terms: string[];
  /** Posting list of term t in field f: positions offsets[t * fieldCount + f] … offsets[t * fieldCount + f + 1]. */
  offsets: Uint32Array;
  /** Document of each posting. */
  docs: Uint32Array;
  /** The term's count in that document's field (capped at 65,535). */
  counts: Uint16Array;
  /** Distinct terms in each document's fields: fieldLengths[doc * fieldCount + f] (capped at 65,535). */
  fieldLengths: Uint16Array;
}

/** A group of terms looked up in some fields, each field with its boost. */
export interface QueryGroup {
  terms: string[];
  fields: { field: number; boost: number }[];
  /** Per term, how much it counts (1 when not given). */
  weights?: number[];
  /** Per term, the query term it stands in for (合同 for 签约): a document holding both counts one term matched. */
  standsFor?: string[];
}

export interface Scored {
  doc: number;
  score: number;
}

/** A growable Uint32Array: build-time postings arrive one by one and their number is not known in advance. */
class Uint32List {
  array = new Uint32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.array.length) {
      const grown = new Uint32Array(this.array.length * 2);
      grown.set(this.array);
      this.array = grown;
    }
    this.array[this.length++] = value;
  }
}

/** Collects documents in order (0, 1, 2 …), then sorts their postings into an index. */
export class InvertedIndexBuilder {
  private readonly fieldCount: number;
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  /** One entry per (document, field, distinct term): the term's id and field as one key, and the count. */
  private readonly keys = new Uint32List();
  private readonly postingDocs = new Uint32List();
  private readonly postingCounts = new Uint32List();
  private readonly lengths = new Uint32List();
  private documentCount = 0;

  constructor(fieldCount: number) {
    this.fieldCount = fieldCount;
  }

  /** Adds the next document; `fields[f]` is its terms in field f, repeats counted. */
  add(fields: string[][]): number {
    const doc = this.documentCount++;
    for (let f = 0; f < this.fieldCount; f++) {
      const counts = new Map<string, number>();
      for (const term of fields[f] ?? []) counts.set(term, (counts.get(term) ?? 0) + 1);
      // A field's length is its number of distinct terms, as MiniSearch counts it.
      this.lengths.push(counts.size);
      for (const [term, count] of counts) {
        let id = this.termIds.get(term);
        if (id === undefined) {
          id = this.terms.length;
          this.terms.push(term);
          this.termIds.set(term, id);
        }
        this.keys.push(id * this.fieldCount + f);
        this.postingDocs.push(doc);
        this.postingCounts.push(count);
      }
    }
    return doc;
  }

  /** Sorts the postings by term (a counting sort, stable, so documents stay ascending) into the index. */
  finish(): InvertedIndex {
    const F = this.fieldCount;
    // Renumber terms in sorted order, so the stored vocabulary can be searched by bisection.
    const order = this.terms.map((_, i) => i).sort((a, b) => (this.terms[a]! < this.terms[b]! ? -1 : this.terms[a]! > this.terms[b]! ? 1 : 0));
    const newId = new Uint32Array(order.length);
    order.forEach((old, i) => (newId[old] = i));
    const n = this.keys.length;
    const offsets = new Uint32Array(order.length * F + 1);
    const keys = this.keys.array;
    for (let i = 0; i < n; i++) {
      const key = keys[i]!;
      keys[i] = newId[Math.floor(key / F)]! * F + (key % F);
      offsets[keys[i]! + 1]!++;
    }
    for (let i = 1; i < offsets.length; i++) offsets[i]! += offsets[i - 1]!;
    const next = offsets.slice(0, -1);
    const docs = new Uint32Array(n);
    const counts = new Uint16Array(n);
    for (let i = 0; i < n; i++) {
      const at = next[keys[i]!]!++;
      docs[at] = this.postingDocs.array[i]!;
      counts[at] = Math.min(this.postingCounts.array[i]!, 0xffff);
    }
    const fieldLengths = new Uint16Array(this.lengths.length);
    for (let i = 0; i < this.lengths.length; i++) fieldLengths[i] = Math.min(this.lengths.array[i]!, 0xffff);
    return new InvertedIndex({
      fieldCount: F,
      documentCount: this.documentCount,
      terms: order.map((i) => this.terms[i]!),
      offsets,
      docs,
      counts,
      fieldLengths,
    });
  }
}

/** Keeps the `limit` best of a stream of scored documents: a binary min-heap on score (ties: lower doc wins). */
class TopK {
  readonly docs: Uint32Array;
  readonly scores: Float64Array;
  size = 0;
  constructor(readonly limit: number) {
    this.docs = new Uint32Array(limit);
    this.scores = new Float64Array(limit);
  }
  /** a ranks below b: lower score, or the same score and a later document. */
  private below(i: number, j: number): boolean {
    return this.scores[i]! < this.scores[j]! || (this.scores[i] === this.scores[j] && this.docs[i]! > this.docs[j]!);
  }
  private swap(i: number, j: number): void {
    [this.docs[i], this.docs[j]] = [this.docs[j]!, this.docs[i]!];
    [this.scores[i], this.scores[j]] = [this.scores[j]!, this.scores[i]!];
  }
  offer(doc: number, score: number): void {
    if (this.size < this.limit) {
      let i = this.size++;
      this.docs[i] = doc;
      this.scores[i] = score;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.below(i, parent)) break;
        this.swap(i, parent);
        i = parent;
      }
      return;
    }
    if (this.limit === 0 || score < this.scores[0]! || (score === this.scores[0] && doc > this.docs[0]!)) return;
    this.docs[0] = doc;
    this.scores[0] = score;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let least = i;
      if (l < this.size && this.below(l, least)) least = l;
      if (r < this.size && this.below(r, least)) least = r;
      if (least === i) break;
      this.swap(i, least);
      i = least;
    }
  }
  /** Best first. */
  sorted(): Scored[] {
    const out: Scored[] = [];
    for (let i = 0; i < this.size; i++) out.push({ doc: this.docs[i]!, score: this.scores[i]! });
    return out.sort((a, b) => b.score - a.score || a.doc - b.doc);
  }
}

export class InvertedIndex {
  readonly arrays: IndexArrays;
  private readonly avgFieldLength: Float64Array;
  /** Per-query scratch, reused: scores, distinct terms matched, and which documents the query touched. */
  private readonly scores: Float64Array;
  private readonly matched: Uint16Array;
  private readonly stamp: Int32Array;
  private readonly touched: Uint32Array;

  constructor(arrays: IndexArrays) {
    this.arrays = arrays;
    const { fieldCount: F, documentCount: n, fieldLengths } = arrays;
    this.avgFieldLength = new Float64Array(F);
    for (let i = 0; i < fieldLengths.length; i++) this.avgFieldLength[i % F]! += fieldLengths[i]!;
    for (let f = 0; f < F; f++) this.avgFieldLength[f] = n ? this.avgFieldLength[f]! / n : 0;
    this.scores = new Float64Array(n);
    this.matched = new Uint16Array(n);
    this.stamp = new Int32Array(n).fill(-1);
    this.touched = new Uint32Array(n);
  }

  /** The term's id, or -1. */
  termId(term: string): number {
    const terms = this.arrays.terms;
    let lo = 0;
    let hi = terms.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const t = terms[mid]!;
      if (t === term) return mid;
      if (t < term) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /**
   * Scores every document holding a query term (OR), keeps those `accept` lets through, multiplies by the
   * document's `boost`, and returns the `limit` best (all when no limit) and how many there were in all.
   */
  search(
    groups: QueryGroup[],
    options: { accept?: (doc: number) => boolean; boost?: (doc: number) => number; limit?: number } = {},
  ): { hits: Scored[]; total: number } {
    const { offsets, docs, counts, fieldLengths, fieldCount: F, documentCount: N } = this.arrays;
    const { scores, matched, stamp, touched, avgFieldLength } = this;
    // A term in two groups (a two-character word is also a bigram) is one distinct term of the query.
    const lookups = new Map<string, { field: number; boost: number }[]>();
    // Each term's number among the distinct terms matched: a related term shares the number of the one it stands for.
    const slots = new Map<string, number>();
    for (const g of groups) {
      g.terms.forEach((t, i) => {
        const weight = g.weights?.[i] ?? 1;
        lookups.set(t, [...(lookups.get(t) ?? []), ...g.fields.map((f) => ({ field: f.field, boost: f.boost * weight }))]);
        const key = g.standsFor?.[i] ?? t;
        if (!slots.has(key)) slots.set(key, slots.size + 1);
        if (!slots.has(t)) slots.set(t, slots.get(key)!);
      });
    }
    let touchedCount = 0;
    // Terms of one slot are scored one after another, so that a document's last slot tells whether it is new.
    const ordered = [...lookups].sort((a, b) => slots.get(a[0])! - slots.get(b[0])!);
    for (const [term, fields] of ordered) {
      const id = this.termId(term);
      const termIndex = slots.get(term)!;
      if (id < 0) continue;
      for (const { field, boost } of fields) {
        const start = offsets[id * F + field]!;
        const end = offsets[id * F + field + 1]!;
        if (start === end) continue;
        const df = end - start;
        const idf = Math.log(1 + (N - df + 0.5) / (df + 0.5));
        const avg = avgFieldLength[field]!;
        for (let i = start; i < end; i++) {
          const doc = docs[i]!;
          const tf = counts[i]!;
          const length = fieldLengths[doc * F + field]!;
          const s = boost * idf * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * length) / avg)));
          if (matched[doc] === 0) touched[touchedCount++] = doc;
          scores[doc]! += s;
          if (stamp[doc] !== termIndex) {
            stamp[doc] = termIndex;
            matched[doc]!++;
          }
        }
      }
    }
    const { accept, boost } = options;
    const top = new TopK(Math.min(options.limit ?? touchedCount, touchedCount));
    let total = 0;
    for (let i = 0; i < touchedCount; i++) {
      const doc = touched[i]!;
      const score = scores[doc]! * matched[doc]!;
      scores[doc] = 0;
      matched[doc] = 0;
      stamp[doc] = -1;
      if (accept && !accept(doc)) continue;
      total++;
      top.offer(doc, boost ? score * boost(doc) : score);
    }
    return { hits: top.sorted(), total };
  }
}
