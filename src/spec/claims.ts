/**
 * Wording that says a figure is the article's («دول عربية بحسب المقال», «يطابق أرقام المقال»)
 * beside a fact's figure that has moved on from the article's (Syria a member: 12 Arab states
 * where the article counted 11). Such wording belongs under
 * {{#if (asInArticle "key")}}, which stops it once the figure is no longer the article's; typed
 * outside it, it would go on claiming the article when the facts change. Warning MJZ175, at the
 * template line that wrote the words.
 */
import type { TemplateContext } from '../audience/context.js';
import { foldArabic } from '../format/arabic.js';
import type { FactUse } from '../facts/markers.js';
import type { DeckSpec } from './schema.js';
import type { SpecProblem } from './parse.js';

/**
 * Words that make the article a figure's source, in folded text (foldArabic: no tashkeel, one
 * alef): «بحسب المقال», «وفقاً للمقال», «كما ورد في المقال», «حسب ما ذكره المقال», «استناداً إلى
 * المقال» (a word of accord, then the article within three words of one clause), and «يطابق أرقام
 * المقال».
 */
const CLAIM = /(?<![\p{L}])[وف]?(?:ب?حسب|وفق|وفقا|طبقا|استنادا|كما)(?:\s+[^\s،,.؛:]+){0,3}?\s+(?:ال|لل)مقال(?:ة|ه)?(?![\p{L}])|(?<![\p{L}])[وف]?(?:[يت]?طابق|مطابق(?:ة|ه)?)\s+ل?(?:ارقام|رقم|عدد|اعداد)\s+(?:ال)?مقال(?:ة|ه)?(?![\p{L}])/u;
/** A word that denies what follows it (لم يعد العدد يطابق أرقام المقال): the words say the figure is not the article's. */
const DENIAL = /(?<![\p{L}])[وف]?(?:لا|لم|لن|ليس|ليست|غير|يعد|تعد|عاد|عادت)(?![\p{L}])/u;

/** Whether a text claims the article as a figure's source (not denies it). */
export function claimsTheArticle(text: string): boolean {
  const plain = foldArabic(text).text;
  const claim = CLAIM.exec(plain);
  if (!claim) return false;
  // (the three words before it)
  const before = plain.slice(0, claim.index).trim().split(/\s+/).slice(-3).join(' ');
  return !DENIAL.test(before);
}

/** The part of a slide a claim speaks of: a figure card (its value and label), the chart (its bars and note), or the text itself. */
function groupOf(path: readonly (string | number)[]): string {
  if (path[0] === 'title') return ''; // (the slide's title speaks of the whole slide)
  if (path[0] === 'chart') return 'chart';
  if (path[0] === 'stats' && typeof path[1] === 'number') return `stats[${path[1]}]`;
  if (path[0] === 'callout') return 'callout';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${p}`)).join('');
}

const within = (element: string, group: string) => group === '' || element === group || element.startsWith(`${group}.`) || element.startsWith(`${group}[`);

export function articleClaims(deck: DeckSpec, uses: readonly FactUse[], context: TemplateContext): SpecProblem[] {
  // The facts whose figure moved on from the one the article states (recorded as the article's
  // in facts.yaml). Not a figure only the data gives (85 members identified), nor one recorded
  // as another source's: the article may well state it too, in its own words.
  const notTheArticles = (key: string) => {
    const f = context.facts[key];
    return f?.stated !== undefined && f.statedBy === context.article.source && f.stated !== f.value;
  };
  const problems: SpecProblem[] = [];
  deck.slides.forEach((slide, i) => {
    const onSlide = uses.filter((u) => u.slide === i && notTheArticles(u.key));
    if (!onSlide.length) return;
    const seen = new Set<string>();
    const visit = (value: unknown, path: (string | number)[]): void => {
      if (typeof value === 'string') {
        if (!claimsTheArticle(value)) return;
        const group = groupOf(path);
        const keys = [...new Set(onSlide.filter((u) => within(u.element, group)).map((u) => u.key))];
        if (!keys.length || seen.has(`${group}\0${value}`)) return;
        seen.add(`${group}\0${value}`);
        const said = keys.map((key) => {
          const f = context.facts[key]!;
          return `${key} shows ${f.text}, where the article states ${f.stated}`;
        });
        problems.push({
          code: 'MJZ175',
          severity: 'warning',
          path: ['slides', i, ...path],
          message: `«${value.length > 60 ? `${value.slice(0, 60)}…` : value}» on slide ${i + 1} says its figure is the article's, but ${said.join('; ')}`,
          hint: `Write these words under {{#if (asInArticle ${keys.map((k) => `"${k}"`).join(' ')})}}…{{else}}وفق البيانات الحالية{{/if}}, so that they hold only while the figure is the article's.`,
        });
        return;
      }
      if (Array.isArray(value)) value.forEach((v, k) => visit(v, [...path, k]));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, [...path, k]);
    };
    for (const [key, value] of Object.entries(slide)) if (key !== 'kind') visit(value, [key]);
  });
  return problems;
}
