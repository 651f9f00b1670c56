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
import { usesBySlide, type FactUse } from '../facts/markers.js';
import type { DeckSpec } from './schema.js';
import type { SpecProblem } from './parse.js';

/**
 * Words that make the article a figure's source, in folded text (foldArabic: no tashkeel, one
 * alef): a word of accord, then the article, with nothing between but the words that join them
 * or say it (ما، في، إليه؛ ورد، ذكر، يشير، أوضح) and a noun of the article's own before it
 * (أرقام المقال، بيانات المقال، كاتب المقال): «بحسب المقال», «وفقاً لأرقام المقال», «كما ورد في
 * المقال», «بحسب ما أشار إليه المقال»; not «وفق البيانات المحدثة بعد المقال», whose words are
 * another source's. And an agreement with its figures, «يطابق أرقام المقال». Either is no claim
 * when denied just before it («وليس بحسب المقال», «لم يعد التصنيف الحالي يطابق…», «غير مطابقة»).
 */
const JOINS = 'ما|لما|مما|في|الي|الى|اليه|عليه|به|عنه|فيه|ورد|وردت|جاء|جاءت|ذكر|ذكره|ذكرها|ذكرته|يذكر|يذكره|يذكرها|اورد|اورده|يورد|يورده|يقول|يقوله|قال|قاله|نشر|نشره|يعرض|يعرضه|عرضه|يشير|تشير|اشار|اشارت|يوضح|اوضح|يبين|بين|يؤكد|اكد|يفيد|افاد|يقدر|قدر|قدره';
const ACCORD = new RegExp(`(?<![\\p{L}])[وف]?(?:ب?حسب|وفق|وفقا|طبقا|استنادا|كما)(?:\\s+(?:${JOINS})){0,3}(?:\\s+(?!ال)[^\\s،,.؛:]+)?\\s+(?:ال|لل)مقال(?:ة|ه)?(?![\\p{L}])`, 'u');
const AGREES = /(?<![\p{L}])[وف]?(?:[يت]?طابق|مطابق(?:ة|ه)?)\s+ل?(?:ارقام|رقم|عدد|اعداد)\s+(?:ال)?مقال(?:ة|ه)?(?![\p{L}])/u;
/** A denial just before a claim, its subject between them or not (لا تطابق، لم يعد العدد يطابق، غير مطابقة، وليس بحسب). */
const DENIED = /(?<![\p{L}])[وف]?(?:لا|لم|لن|ليس|ليست|غير|ما)(?:\s+(?:يعد|تعد|تزال|يزال|تكن|يكن|عاد|عادت))?(?:\s+[^\s،,.؛:]+){0,2}\s*$/u;
/** The words just before an accord that deny it: «وليس بحسب المقال», «لا وفق المقال». */
const DENIED_ACCORD = /(?<![\p{L}])[وف]?(?:لا|ليس|ليست|غير)\s*$/u;

/**
 * Words that give the figures to the current data («والأرقام وفق البيانات الحالية», «بأرقام
 * البيانات الحالية»): a text that says so of its figures makes the article the source of its
 * words, not of its figures. (Data named for one figure, «وعدد الدول العربية 11 وفق البيانات
 * الحالية», says nothing of the others: still a claim.)
 */
const CURRENT_DATA = /(?<![\p{L}])[وف]?ب?(?:ال)?(?:ارقام|اعداد|رقم|عدد)(?:ها|ه)?\s+(?:[^\s،,.؛:()]+\s+)?(?:(?:وفق|وفقا|ب?حسب|طبقا)\s+)?(?:لل|ال|ل)?بيانات\s+(?:ال)?حالي(?:ة|ه)?(?![\p{L}])/u;

/** Whether a text claims the article as a figure's source (not denies it). */
export function claimsTheArticle(text: string): boolean {
  const plain = foldArabic(text).text;
  if (CURRENT_DATA.test(plain)) return false;
  const accord = ACCORD.exec(plain);
  if (accord && !DENIED_ACCORD.test(plain.slice(0, accord.index))) return true;
  const agrees = AGREES.exec(plain);
  return agrees !== null && !DENIED.test(plain.slice(0, agrees.index));
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
  const bySlide = usesBySlide(uses.filter((u) => notTheArticles(u.key)));
  deck.slides.forEach((slide, i) => {
    const onSlide = bySlide.get(i) ?? [];
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
          return `${key} shows ${f.text}, where the article states ${f.stated} (as content/facts.yaml records it, under stated)`;
        });
        problems.push({
          code: 'MJZ175',
          severity: 'warning',
          path: ['slides', i, ...path],
          message: `«${value.length > 60 ? `${value.slice(0, 60)}…` : value}» on slide ${i + 1} says its figure is the article's, but ${said.join('; ')}`,
          hint: `Write these words under {{#if (asInArticle ${keys.map((k) => `"${k}"`).join(' ')})}}…{{else}}وفق البيانات الحالية{{/if}}, so that they hold only while the figure is the article's. (If the article does state the figure shown, correct the fact's stated value in content/facts.yaml instead.)`,
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
