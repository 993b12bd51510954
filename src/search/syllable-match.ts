/**
 * Pinyin typed for a Chinese name, matched syllable by syllable: the name abbreviated as Chinese names are (钢城
 * 经开区 of 钢城经济开发区: gangcheng jingkaiqu, syllables left out after the first) and with typos inside a
 * syllable (chneg for cheng: two letters swapped). The Latin twin of the Han abbreviation rule in `names.ts`.
 */

/** Rows of the edit table, kept between calls: names are matched on every keystroke, so nothing is allocated. */
const MAX_EDIT = 16;
const table = new Int32Array((MAX_EDIT + 1) * (MAX_EDIT + 1));

/**
 * Edits between `a[from, from + length)` and `b`, a swap of two neighbouring letters counting as one (optimal
 * string alignment): `chneg` is one edit from `cheng`, as a typist's slip is. Both are short (a syllable).
 */
export function editDistance(a: string, b: string, from = 0, length = a.length - from): number {
  if (length > MAX_EDIT || b.length > MAX_EDIT) return Math.max(length, b.length);
  const cols = b.length + 1;
  for (let i = 0; i <= length; i++) table[i * cols] = i;
  for (let j = 0; j <= b.length; j++) table[j] = j;
  for (let i = 1; i <= length; i++) {
    const ai = a.charCodeAt(from + i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(table[(i - 1) * cols + j]! + 1, table[i * cols + j - 1]! + 1, table[(i - 1) * cols + j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(from + i - 2) === bj) d = Math.min(d, table[(i - 2) * cols + j - 2]! + 1);
      table[i * cols + j] = d;
    }
  }
  return table[length * cols + b.length]!;
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
  // best[i * width + j]: fewest typos seen with typed[0, i) spelled and syllable j the next one that may be used.
  const width = syllables.length + 1;
  const best = new Int8Array((typed.length + 1) * width).fill(127);
  let found: number | undefined;
  const visit = (i: number, j: number, typos: number): void => {
    if (typos > budget || (found !== undefined && typos >= found)) return;
    if (best[i * width + j]! <= typos) return;
    best[i * width + j] = typos;
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
      // A syllable with no room for a typo must be typed as it is: no table needed.
      if (!slack) {
        if (typed.startsWith(syllable, i)) visit(i + syllable.length, t + 1, typos);
        continue;
      }
      for (let len = Math.max(1, syllable.length - slack); len <= Math.min(rest, syllable.length + slack); len++) {
        const cost = editDistance(typed, syllable, i, len);
        if (cost <= slack) visit(i + len, t + 1, typos + cost);
      }
    }
  };
  visit(0, 0, 0);
  return found;
}
