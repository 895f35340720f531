/**
 * A cheap guess whether a text is English, because the altitude cues cover
 * English only and a wrong judgement is worse than none.
 *
 * Threshold, documented: after dropping URLs and code, a text is NOT English when
 * - fewer than half of its letters are Latin (Cyrillic, CJK, Arabic, ...), or
 * - among its words, the share of common function words of another
 *   Latin-script language (German, French, Spanish, Portuguese, Italian,
 *   Dutch) is higher than the share of English function words.
 * Product documents are full of bullets and tables, so English share alone
 * swings widely (5-50%); the comparison with another language's share is
 * stable, since the other language stays near 0% in English text.
 * Texts under MIN_WORDS words are given the benefit of the doubt. Only the
 * first SAMPLE_CHARS characters are read: a document keeps its language, and
 * the check must stay cheap on a 2 MB file.
 */
export const MIN_WORDS = 30;
export const MIN_LATIN_LETTER_SHARE = 0.5;
export const SAMPLE_CHARS = 50_000;

const words = (list: string) => new Set(list.split(' '));

const ENGLISH = words(
  'the a an and or of to in on for with as at by from is are was were be been it its this that these those we you they ' +
    'our your their will can should must may would could not no but if then than so which who what when where how all each ' +
    'any more most other some such only also into about over after before there here has have had do does',
);

/** Function words of other languages; words that are also English ("a", "in", "on") are left out. */
const OTHER_LANGUAGES: Record<string, Set<string>> = {
  german: words('der die das und ist nicht ein eine mit für auf den dem des sich auch wird werden sind zu von im nach bei oder'),
  french: words('le la les et est des une du pour dans pas que qui sur avec au aux sont ce cette être par ou nous vous'),
  spanish: words('el los las y es del una para que por con se su al lo como más pero sus este esta son ser muy'),
  portuguese: words('o os e é da do das dos uma um para que com não em se na no nas nos ao mais como por ser são deve'),
  italian: words('il lo gli e è della del di che per con non una sono nel nella alla anche come più questo essere'),
  dutch: words('de het een en van is dat niet op te zijn met voor er maar ook wordt worden naar bij deze kan'),
};

const NOISE = /https?:\/\/\S{1,2000}|`[^`\n]{0,500}`/g;
const WORD = /\p{L}[\p{L}']{0,39}/gu;
const LETTER = /\p{L}/gu;
const LATIN_LETTER = /\p{Script=Latin}/gu;

/** Which word lists each word is on: index 0 is English, the rest follow OTHER_LANGUAGES. */
const LISTS = [ENGLISH, ...Object.values(OTHER_LANGUAGES)];
const WORD_LISTS = new Map<string, number[]>();
LISTS.forEach((list, index) => {
  for (const word of list) WORD_LISTS.set(word, [...(WORD_LISTS.get(word) ?? []), index]);
});

// Re-linting while typing asks again with the same sample (edits below it): one remembered answer.
let last: { sample: string; english: boolean } | undefined;

export function isLikelyEnglish(text: string): boolean {
  const sample = text.slice(0, SAMPLE_CHARS);
  if (last?.sample !== sample) last = { sample, english: judgeSample(sample) };
  return last.english;
}

function judgeSample(sample: string): boolean {
  const prose = sample.replace(NOISE, ' ');
  const letters = prose.match(LETTER)?.length ?? 0;
  if (letters === 0) return true;
  if ((prose.match(LATIN_LETTER)?.length ?? 0) / letters < MIN_LATIN_LETTER_SHARE) return false;
  const hits = LISTS.map(() => 0);
  let words = 0;
  for (const [word] of prose.toLowerCase().matchAll(WORD)) {
    words++;
    for (const list of WORD_LISTS.get(word) ?? []) hits[list]++;
  }
  if (words < MIN_WORDS) return true;
  return hits.slice(1).every((count) => count <= hits[0]);
}
