/**
 * MJZ175 (src/spec/claims.ts): words that make the article a figure's source, beside a fact's
 * figure the article does not state. Only the part of the slide the words speak of counts: a
 * figure card's value, the chart's bars, the text itself.
 */
import { describe, expect, it } from 'vitest';
import type { TemplateContext } from '../../src/audience/context.js';
import type { FactUse } from '../../src/facts/markers.js';
import { articleClaims, claimsTheArticle } from '../../src/spec/claims.js';
import type { DeckSpec } from '../../src/spec/schema.js';

const fact = (key: string, value: number, stated?: number, statedBy = 'A1') => ({ key, label: key, value, text: String(value), sources: [], ...(stated === undefined ? {} : { stated, statedBy }) });
const context = {
  article: { source: 'A1' },
  facts: {
    'arab': fact('arab', 12, 11), // the data moved on
    'europe': fact('europe', 36, 36), // as the article states it
    'identified': fact('identified', 86), // the data's alone
    'members': fact('members', 90, 90, 'S29'), // another source recorded
  },
} as unknown as TemplateContext;
const slide = (fields: Record<string, unknown>) => ({ deck: { title: 't' }, slides: [{ kind: 'stats', title: 't', ...fields }] }) as unknown as DeckSpec;
const use = (key: string, element: string): FactUse => ({ key, slide: 0, element });
const claims = (deck: DeckSpec, uses: FactUse[]) => articleClaims(deck, uses, context).map((p) => [p.path.join('.'), p.message.replace(/^«[^»]*» on slide \d+ says its figure is the article's, but /, '')]);

describe('articleClaims', () => {
  it('a card whose label claims the article, beside a figure the data moved on from', () => {
    const deck = slide({ stats: [{ value: '12', label: 'دول عربية بحسب المقال' }, { value: '36', label: 'دول أوروبية بحسب المقال' }, { value: '90', label: 'الأعضاء وفقاً للمقال' }, { value: '86', label: 'معروفة بحسب المقال' }] });
    // (a figure recorded as another source's, or the data's alone, may be the article's too, in its own words: not judged)
    expect(claims(deck, [use('arab', 'stats[0].value'), use('europe', 'stats[1].value'), use('members', 'stats[2].value'), use('identified', 'stats[3].value')])).toEqual([
      ['slides.0.stats.0.label', 'arab shows 12, where the article states 11 (as content/facts.yaml records it, under stated)'],
    ]);
  });

  it('only the part of the slide the words speak of: the text itself, the chart as a whole', () => {
    // a bullet that claims the article, another that shows the moved figure: no claim on it
    expect(claims(slide({ bullets: ['بحسب المقال، انضمت سوريا', 'يضم التحالف 12 دولة عربية'] }), [use('arab', 'bullets[1]')])).toEqual([]);
    expect(claims(slide({ bullets: ['يضم التحالف 12 دولة عربية كما يذكر المقال'] }), [use('arab', 'bullets[0]')])).toEqual([['slides.0.bullets.0', 'arab shows 12, where the article states 11 (as content/facts.yaml records it, under stated)']]);
    // a chart's note speaks of its bars
    const chart = slide({ chart: { type: 'bar', categories: ['a'], series: [{ name: 's', values: [12] }], note: 'تصنيف يطابق أرقام المقال' } });
    expect(claims(chart, [use('arab', 'chart.series[0].values[0]')])).toEqual([['slides.0.chart.note', 'arab shows 12, where the article states 11 (as content/facts.yaml records it, under stated)']]);
    // words that do not make the article a figure's source
    expect(claims(slide({ bullets: ['المقال يتناول 12 دولة عربية', 'العنوان: مقال عن التحالف'] }), [use('arab', 'bullets[0]'), use('arab', 'bullets[1]')])).toEqual([]);
  });

  it('judges each slide by the facts it shows, not another slide’s', () => {
    const bullets = (text: string) => ({ kind: 'bullets', title: 't', bullets: [text] });
    const deck = { deck: { title: 't' }, slides: [bullets('يضم التحالف 12 دولة عربية'), bullets('دول عربية بحسب المقال'), bullets('12 دولة عربية بحسب المقال')] } as unknown as DeckSpec;
    // the first slide shows the moved figure, the second claims the article without it, the third does both
    const uses = [{ key: 'arab', slide: 0, element: 'bullets[0]' }, { key: 'arab', slide: 2, element: 'bullets[0]' }];
    expect(articleClaims(deck, uses, context).map((p) => p.path.join('.'))).toEqual(['slides.2.bullets.0']);
  });

  it('reads the words as Arabic writes them, and not a denial', () => {
    for (const text of ['دول عربية بحسب المقال', 'وبحسب المقال', 'فبحسب المقال', 'بِحَسَبِ المَقَال', 'وفقًا للمقال', 'وفقاً للمقال', 'طبقًا للمقال', 'كما ورد في المقال', 'حسب ما ورد في المقال', 'وفقاً لما ذكره المقال', 'استناداً إلى المقال', 'كما يذكر المقالة', 'التصنيف يطابق أرقام المقال', 'يطابق ارقام المقال', 'مطابقة لأرقام المقال']) {
      expect(claimsTheArticle(text), text).toBe(true);
    }
    for (const text of ['ولم يعد العدد يطابق أرقام المقال', 'لا تطابق أرقام المقال', 'حسب المقالح', 'المقال يتناول 12 دولة عربية', 'وفق البيانات الحالية', 'بحسب البيانات، وقد نشر المقال قبل الانضمام بأسابيع', 'وفق البيانات المحدثة بعد المقال', 'بحسب البيانات لا المقال', 'بحسب البيانات التي تخالف المقال', 'وفق بيانات أحدث من المقال']) {
      expect(claimsTheArticle(text), text).toBe(false);
    }
    // a word of denial that belongs to another word is no denial of the claim
    for (const text of ['دول غير عربية بحسب المقال', 'الدول التي لم تنضم بحسب المقال', 'لم تتغير الأرقام، بحسب المقال']) {
      expect(claimsTheArticle(text), text).toBe(true);
    }
    // the article's own nouns and verbs of saying between (a last review's list)
    for (const text of ['بحسب أرقام المقال', 'وفقاً لأرقام المقال', 'بحسب بيانات المقال', 'حسب تقديرات المقال', 'كما يشير المقال', 'كما أشار المقال', 'كما يوضح المقال', 'بحسب ما أشار إليه المقال', 'كما ذكر كاتب المقال']) {
      expect(claimsTheArticle(text), text).toBe(true);
    }
    for (const text of ['الأرقام غير مطابقة لأرقام المقال', 'لم يعد التصنيف الحالي يطابق أرقام المقال', 'بحسب البيانات المحدثة، وليس بحسب المقال', 'وفق البيانات الحالية لا وفق المقال', 'ليس بحسب المقال']) {
      expect(claimsTheArticle(text), text).toBe(false);
    }
  });

  it('words that give the figures to the current data make the article the source of the words only', () => {
    for (const text of ['الخلاصة بحسب المقال:\n(والأرقام وفق البيانات الحالية)\n12 دولة عربية', 'بحسب المقال، بأرقام البيانات الحالية', 'كما يتوقع المقال، والأعداد حسب البيانات الحالية', 'بحسب المقال (والأرقام وفقاً للبيانات الحالية)', 'والعدد هنا وفق البيانات الحالية، بحسب المقال']) {
      expect(claimsTheArticle(text), text).toBe(false);
    }
    // (data of another kind, or no data said: still a claim)
    for (const text of ['بحسب المقال، بيانات حالية', 'بحسب المقال والبيانات', 'الخلاصة بحسب المقال:\n12 دولة عربية', 'يضم التحالف 88 عضواً بحسب المقال، وعدد الدول العربية 11 وفق البيانات الحالية']) {
      expect(claimsTheArticle(text), text).toBe(true);
    }
  });

  it('a slide title speaks of the whole slide', () => {
    expect(claims(slide({ title: 'الأرقام بحسب المقال', stats: [{ value: '12', label: 'دول عربية' }] }), [use('arab', 'stats[0].value')])).toEqual([['slides.0.title', 'arab shows 12, where the article states 11 (as content/facts.yaml records it, under stated)']]);
  });
});
