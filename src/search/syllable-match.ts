/**
 * Pinyin typed for a Chinese name, matched syllable by syllable: the name abbreviated as Chinese names are (钢城
 * 经开区 of 钢城经济开发区: gangcheng jingkaiqu, syllables left out after the first) and with typos inside a
 * syllable (chneg for cheng: two letters swapped). The Latin twin of the Han abbreviation rule in `names.ts`.
 */

/**
 * Edits between two short strings, a swap of two neighbouring letters counting as one (optimal string
 * alignment): `chneg` is one edit from `cheng`, as a typist's slip is.
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** A syllable this long may hold one typo: a shorter one slightly off is another syllable (ji, qi, xi). */
const TYPO_SYLLABLE = 4;

/** How many typos a typed name may hold in all, by its length in letters. */
export const typoBudget = (letters: number) => (letters >= 10 ? 2 : letters >= 5 ? 1 : 0);

/**
 * The fewest typos with which `typed` (letters only) spells the name's syllables in order, starting with its
 * first letter and syllable and leaving any others out; the last typed syllable may be a prefix (a name still
 * being typed). Undefined when it does not within `budget` typos.
 */
export function syllableTypos(typed: string, syllables: string[], budget: number): number | undefined {
  // A name is typed from its first letter on, as the Han rule wants its first character: a slip there is rare.
  if (!typed || typed[0] !== syllables[0]?.[0]) return undefined;
  // best[i][j]: fewest typos with typed[0, i) spelled and syllable j the next one that may be used.
  const best = new Map<string, number>();
  let found: number | undefined;
  const visit = (i: number, j: number, typos: number): void => {
    if (typos > budget || (found !== undefined && typos >= found)) return;
    const key = `${i},${j}`;
    if ((best.get(key) ?? Infinity) <= typos) return;
    best.set(key, typos);
    if (i === typed.length) {
      found = typos;
      return;
    }
    // The first syllable starts the name; later ones may be left out (经济 → 经).
    for (let t = j; t < (i === 0 ? Math.min(1, syllables.length) : syllables.length); t++) {
      const syllable = syllables[t]!;
      const rest = typed.length - i;
      if (rest < syllable.length && syllable.startsWith(typed.slice(i))) visit(typed.length, t + 1, typos);
      const slack = syllable.length >= TYPO_SYLLABLE ? 1 : 0;
      for (let len = Math.max(1, syllable.length - slack); len <= Math.min(rest, syllable.length + slack); len++) {
        const cost = editDistance(typed.slice(i, i + len), syllable);
        if (cost <= slack) visit(i + len, t + 1, typos + cost);
      }
    }
  };
  visit(0, 0, 0);
  return found;
}
