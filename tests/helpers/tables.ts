/**
 * Table slides for the fitting tests: an audience of the shipped project whose deck is only
 * table slides, with the body size given, built in memory (compileAudience) from the shipped
 * content and templates.
 */
import { compileAudience, prepareContent, type DeckResult } from '../../src/build.js';
import { shippedTemplates } from '../hostile/harness.js';
import { shippedContent } from './project.js';

export interface TableFixture {
  title: string;
  columns: string[];
  rows: string[][];
  widths?: number[];
  source?: string;
}

const COLUMNS = ['الدولة', 'تاريخ الانضمام', 'الدور'];

/** `n` rows of three one-line cells (no digits: a figure typed into a template is a warning). */
export const oneLineRows = (n: number): string[][] => Array.from({ length: n }, () => ['سوريا', 'بعد التأسيس', 'عضو']);

/** A cell two lines long at 28 pt in a third of the slide's width (one line at 22 pt and under). */
const TWO_LINES = ['الدولة التي انضمت إلى التحالف في ذلك العام', 'بعد مفاوضات طويلة مع الشركاء الدوليين', 'عضو مشارك في التحالف الدولي منذ تأسيسه'];

/** A cell of a hundred letters or so: two or three lines in a third of the slide's width. */
const LONG = [
  'انضمت بعد مفاوضات طويلة مع الولايات المتحدة وشركائها في التحالف الدولي لمكافحة تنظيم داعش في المنطقة',
  'تقدم الدعم الاستخباري واللوجستي وتشارك في تدريب القوات المحلية وتأمين الحدود ومنع تسلل المقاتلين الأجانب',
];

/** The reviewer's cases and a few more. */
export const CASES = {
  /** Three rows of cells that take two lines at the size a body of 30 pt suggests (28). */
  threeByThree: { title: 'ثلاثة صفوف', columns: COLUMNS, rows: [TWO_LINES, TWO_LINES, TWO_LINES] },
  nineRows: { title: 'تسعة صفوف', columns: COLUMNS, rows: oneLineRows(9) },
  tenRows: { title: 'عشرة صفوف', columns: COLUMNS, rows: oneLineRows(10) },
  longCells: { title: 'خلايا طويلة', columns: COLUMNS, rows: Array.from({ length: 6 }, () => ['الدولة', LONG[0]!, LONG[1]!]) },
  nineRowsWithSource: { title: 'تسعة صفوف ومصدر', columns: COLUMNS, rows: oneLineRows(9), source: 'المصدر: بيانات التحالف الدولي' },
  /** Ten rows of long cells: more than the slide holds even at the smallest size. */
  tooTall: { title: 'جدول أطول من الشريحة', columns: COLUMNS, rows: Array.from({ length: 10 }, () => ['الدولة', LONG[0]!, LONG[1]!]) },
} satisfies Record<string, TableFixture>;

/** A table slide as a template writes it. */
export function tableSlideYaml(t: TableFixture): string {
  return [
    '  - kind: table',
    `    title: ${JSON.stringify(t.title)}`,
    ...(t.source ? [`    source: ${JSON.stringify(t.source)}`] : []),
    `    columns: ${JSON.stringify(t.columns)}`,
    '    rows:',
    ...t.rows.map((row) => `      - ${JSON.stringify(row)}`),
    ...(t.widths ? [`    widths: ${JSON.stringify(t.widths)}`] : []),
    '',
  ].join('\n');
}

export const TABLE_AUDIENCE = 'tables';

/** The files of an audience `tables` (the briefing's theme with the body size given) whose deck is the tables given. */
export function tableAudienceFiles(body: number, tables: readonly TableFixture[]): Record<string, string> {
  return {
    [`templates/${TABLE_AUDIENCE}/theme.yaml`]: `extends: briefing\nlabel: "جداول"\ndescription: "Table slides"\nsizes: { title: 36, body: ${body}, small: 16, footer: 12, big: 60 }\n`,
    [`templates/${TABLE_AUDIENCE}/deck.hbs`]: [
      'deck:',
      '  title: "{{article.title}}"',
      '  footer: "المصدر: {{source article.source}} | {{article.date}}"',
      '  date: "{{article.dateIso}}"',
      'slides:',
      ...tables.map(tableSlideYaml),
    ].join('\n'),
  };
}

/** The deck of those tables, built in memory with the shipped content. */
export async function buildTables(body: number, tables: readonly TableFixture[]): Promise<DeckResult> {
  const templates = await shippedTemplates();
  for (const [path, text] of Object.entries(tableAudienceFiles(body, tables))) templates.set(path, { path, text });
  return compileAudience(prepareContent(await shippedContent()), templates, TABLE_AUDIENCE);
}
