/**
 * Related words: for a word a question may use, the corpus's words that name the same figure (签约 for 合同,
 * 增幅 for 增速), each with a weight below 1 (how specific the relation is). The table is made when the corpus is
 * built (`src/lang/metric-relations.ts`) and kept in the snapshot, so a question never loads the dictionary.
 */

export type RelatedTable = [word: string, related: [term: string, weight: number][]][];

export class RelatedWords {
  private readonly byWord: Map<string, [string, number][]>;

  constructor(table: RelatedTable = []) {
    this.byWord = new Map(table);
  }

  /** The corpus words related to `word`, best first (none for a word the table does not hold). */
  of(word: string): [term: string, weight: number][] {
    return this.byWord.get(word) ?? [];
  }

  get size(): number {
    return this.byWord.size;
  }

  table(): RelatedTable {
    return [...this.byWord];
  }
}
