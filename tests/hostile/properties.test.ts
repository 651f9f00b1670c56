/**
 * Property-based tests (fast-check), in memory:
 * - any text an author pastes into a point arrives verbatim (trimmed) in the slide's bullets,
 *   or, when it holds a character a slide cannot hold, is refused with a located MJZ104, or,
 *   when it holds a stray [[ or ]] (reserved for fact references), with a located MJZ131;
 * - no input, however broken, makes a stage throw: every problem comes back as a diagnostic
 *   with a catalog code and a file.
 *
 * What the generators leave out, on purpose: [[key]] fact references (the build replaces them with
 * the fact's value: that is their meaning) and the private-use characters U+E000/U+E001 (the
 * build's own fact markers, removed from every spec value).
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compileAudience, prepareContent } from '../../src/build.js';
import { CODES } from '../../src/diagnostics/codes.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { expandTemplates } from '../../src/expand/expand.js';
import { loadAudience } from '../../src/audience/load.js';
import { buildContext } from '../../src/audience/context.js';
import { parseSpec } from '../../src/spec/parse.js';
import { shippedContent } from '../helpers/project.js';
import { shippedTemplates } from './harness.js';

const ARTICLE = 'content/article.yaml';
const FACTS = 'content/facts.yaml';
const DATASET = 'content/data/coalition-members.yaml';
const GROUPS = 'content/data/groups.yaml';
const POINT = '      - text: "الانضمام للتحالف سيعزز شرعية الحكومة على المستوى الدولي"';
const HEADING = 'الشرعية الدولية ورفع العقوبات';

/** MUJAZ_FUZZ=20 multiplies the runs of every property (and its timeout), for a long hunt. */
const FUZZ = Math.max(1, Number(process.env.MUJAZ_FUZZ ?? 1));
const runs = (n: number) => n * FUZZ;

/** Characters no slide may hold (C0 controls but tab and line breaks, U+FFFE/U+FFFF, lone surrogates). */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const FACT_REF = /\[\[\s*[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*\s*\]\]/;

/** What authors paste: quotes, braces, YAML and Handlebars syntax, line breaks, bidi controls, emoji. */
const hostileFragment = fc.constantFrom(
  '"', "'", '\\', '{{', '}}', '{{x}}', '{{{y}}}', '{{#each parts}}', '{{/each}}', '#', ' #', ': ', ':', '- ', '---', '...',
  '\n', '\r\n', '\r', '\t', ' ', '\u00A0', '\u2028', '\u0085', '&anchor', '*alias', '!tag', '%YAML', '@', '`', '|', '>', '?', ',',
  '[', ']', '{', '}', '[[', ']]', '\u202B', '\u202E', '\u2066', '\u2069', '\u200F', '\u200D', '\uFEFF', '😀', '👩‍👩‍👧', '🇸🇾',
  'قال "الشرع": نعم', 'أيلول/سبتمبر 2014', '٨٩', '89', 'null', 'true', '~', '<b>&amp;</b>', '\u0000', '\u0007', '\u001B[31m',
  // what String.prototype.replace reads in a replacement text
  '$', '$$', '$&', "$'", '$`', '$1',
);
const pasted = fc
  .array(fc.oneof({ weight: 3, arbitrary: hostileFragment }, fc.string({ unit: 'grapheme', maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 4 })), { minLength: 1, maxLength: 14 })
  .map((parts) => parts.join(''))
  .filter((s) => !FACT_REF.test(s) && !/[\uE000-\uE002]/.test(s)); // (mujaz's own marks: refused, below)

/** Problems inside a file's text: each must say line and column, not only the file. */
const IN_TEXT = new Set(['MJZ100', 'MJZ101', 'MJZ102', 'MJZ104', 'MJZ105', 'MJZ106', 'MJZ110', 'MJZ111', 'MJZ112', 'MJZ130', 'MJZ131', 'MJZ133', 'MJZ160', 'MJZ162', 'MJZ163', 'MJZ164', 'MJZ166', 'MJZ167', 'MJZ170', 'MJZ173']);

function expectWellFormed(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    const what = `${d.code} ${d.location?.file}: ${d.message}`;
    expect(Object.keys(CODES), what).toContain(d.code);
    expect(d.code, what).not.toBe('MJZ900');
    expect(d.location?.file, what).toBeTruthy();
    if (IN_TEXT.has(d.code)) {
      expect(d.location?.start?.line, what).toBeGreaterThanOrEqual(1);
      expect(d.location?.start?.column, what).toBeGreaterThanOrEqual(1);
      expect(d.source, what).toBeDefined();
    }
  }
}


/** The files with each edit applied in turn: `cut` characters at `at` replaced by `insert`. */
function applyEdits(
  original: ReadonlyMap<string, { path: string; text: string }>,
  edits: readonly { file: string; at: number; cut: number; insert: string }[],
): Map<string, { path: string; text: string }> {
  const files = new Map(original);
  for (const e of edits) {
    const text = files.get(e.file)!.text;
    const at = e.at % (text.length + 1);
    files.set(e.file, { path: e.file, text: text.slice(0, at) + e.insert + text.slice(at + e.cut) });
  }
  return files;
}
describe('content arrives verbatim', () => {
  it('any text in a point is the slide’s bullet, exactly (trimmed), or a located MJZ104', { timeout: 60_000 * FUZZ }, async () => {
    const content = await shippedContent();
    const templates = await shippedTemplates();
    const article = content.get(ARTICLE)!.text;
    await fc.assert(
      fc.asyncProperty(pasted, async (s) => {
        const files = new Map(content).set(ARTICLE, { path: ARTICLE, text: article.replace(POINT, () => `      - text: ${JSON.stringify(s)}`) });
        const result = await compileAudience(prepareContent(files), templates, 'briefing', { render: false });
        const errors = result.diagnostics.filter((d) => d.severity === 'error');
        expectWellFormed(result.diagnostics);
        if (FORBIDDEN.test(s)) {
          expect(errors.map((d) => [d.code, d.location?.file])).toEqual([['MJZ104', ARTICLE]]);
          expect(errors[0]!.location?.start?.line).toBe(article.slice(0, article.indexOf(POINT)).split('\n').length);
          return;
        }
        if (s.trim() === '') {
          expect(errors.map((d) => d.code)).toEqual(['MJZ111']); // "must not be empty"
          return;
        }
        if (s.includes('[[') || s.includes(']]')) {
          // reserved for fact references: a stray one is a reference mistyped, refused where it stands
          // (each stray fragment is reported: "]]]]" is two)
          expect(errors.length).toBeGreaterThanOrEqual(1);
          for (const d of errors) {
            expect([d.code, d.location?.file]).toEqual(['MJZ131', ARTICLE]);
            expect(d.location?.start?.line).toBe(article.slice(0, article.indexOf(POINT)).split('\n').length);
          }
          return;
        }
        expect(errors).toEqual([]);
        const slide = result.spec!.slides.find((x) => x.title === HEADING);
        expect(slide && 'bullets' in slide ? slide.bullets?.[0] : undefined).toBe(s.trim());
      }),
      { numRuns: runs(100) },
    );
  });

  it('a text holding one of the private-use characters mujaz marks facts with is a located MJZ104', async () => {
    // (the fuzzing above leaves them out: fast-check's binary strings hit U+E002 once in a few thousand runs)
    const content = await shippedContent();
    const templates = await shippedTemplates();
    const article = content.get(ARTICLE)!.text;
    for (const s of ['\uE000', 'قبل \uE001 بعد', '\uE002', 'x\uE0029']) {
      const files = new Map(content).set(ARTICLE, { path: ARTICLE, text: article.replace(POINT, () => `      - text: ${JSON.stringify(s)}`) });
      const result = await compileAudience(prepareContent(files), templates, 'briefing', { render: false });
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      expect(errors.map((d) => [d.code, d.location?.file, d.location?.start?.line]), JSON.stringify(s)).toEqual([['MJZ104', ARTICLE, article.slice(0, article.indexOf(POINT)).split('\n').length]]);
    }
  });

  it('a fact reference is replaced by the fact’s value, the text around it verbatim', { timeout: 30_000 * FUZZ }, async () => {
    const content = await shippedContent();
    const templates = await shippedTemplates();
    const article = content.get(ARTICLE)!.text;
    const safe = pasted.filter((s) => !FORBIDDEN.test(s) && !s.includes('[') && !s.includes(']'));
    await fc.assert(
      fc.asyncProperty(safe, safe, async (before, after) => {
        const text = `${before}[[ffis.locations]]${after}`;
        const files = new Map(content).set(ARTICLE, { path: ARTICLE, text: article.replace(POINT, () => `      - text: ${JSON.stringify(text)}`) });
        const result = await compileAudience(prepareContent(files), templates, 'briefing', { render: false });
        expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        const slide = result.spec!.slides.find((x) => x.title === HEADING);
        expect(slide && 'bullets' in slide ? slide.bullets?.[0] : undefined).toBe(`${before}28${after}`.trim());
      }),
      { numRuns: runs(30) },
    );
  });
});

describe('no input makes a stage throw', () => {
  /** YAML-ish text: structure characters, indentation, keys of the real schema, anchors and aliases. */
  const yamlish = fc
    .array(
      fc.oneof(
        fc.constantFrom('\n', '\n  ', '\n    ', '\n- ', ': ', '- ', '"', "'", '[', ']', '{', '}', ',', '#', '&a ', '*a', '&b ', '*b', '<<: *a', '!!str ', '!!map', '---\n', '|\n  ', '>-\n  ', '? ', '\t', '\uFEFF', '__proto__', 'constructor'),
        fc.constantFrom('facts', 'label', 'data', 'stated', 'value', 'source', 'quote', 'type', 'sources', 'id', 'title', 'kind', 'parts', 'article', 'points', 'text', 'basis', 'members.total', 'A1', 'year'),
        fc.string({ maxLength: 6 }),
      ),
      { maxLength: 40 },
    )
    .map((parts) => parts.join(''));

  /** The shipped content without the (optional, slow to parse) dataset files, unless one is under test. */
  const lean = async () => {
    const content = await shippedContent();
    content.delete(DATASET);
    content.delete(GROUPS);
    return content;
  };

  it('any text as a content file: diagnostics, never an exception', { timeout: 30_000 * FUZZ }, async () => {
    const content = await lean();
    const files = [FACTS, 'content/sources.yaml', ARTICLE, GROUPS, DATASET];
    fc.assert(
      fc.property(fc.constantFrom(...files), yamlish, (file, text) => {
        const prepared = prepareContent(new Map(content).set(file, { path: file, text }));
        expect(prepared.diagnostics.length).toBeGreaterThan(0);
        expectWellFormed(prepared.diagnostics);
      }),
      { numRuns: runs(120) },
    );
  });

  it('any value of any shape in a content file: diagnostics, never an exception', { timeout: 30_000 * FUZZ }, async () => {
    const content = await lean();
    fc.assert(
      fc.property(fc.constantFrom(FACTS, 'content/sources.yaml', ARTICLE, GROUPS, DATASET), fc.jsonValue({ maxDepth: 6 }), (file, value) => {
        const prepared = prepareContent(new Map(content).set(file, { path: file, text: stringify(value) }));
        expectWellFormed(prepared.diagnostics);
      }),
      { numRuns: runs(100) },
    );
  });

  it('any small edit of the real files, through every stage to the spec: diagnostics, never an exception', { timeout: 60_000 * FUZZ }, async () => {
    const content = await shippedContent();
    const templates = await shippedTemplates();
    const edit = fc.record({
      file: fc.constantFrom(FACTS, ARTICLE, 'content/sources.yaml', 'content/data/groups.yaml'),
      at: fc.nat(),
      cut: fc.nat({ max: 40 }),
      insert: fc.oneof(fc.constantFrom('', '  ', '\n', '\n  x: 1\n', ': ', '"', '- ', '[[coalition.members]]', '[[nope]]', '[[constructor]]', '__proto__: 1\n', '  constructor:\n', 'value: "ت"', '&a x', '*a', '*b'), fc.string({ maxLength: 8 })),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 3 }), async (edits) => {
        const files = applyEdits(content, edits);
        const result = await compileAudience(prepareContent(files), templates, 'briefing', { render: false });
        expectWellFormed(result.diagnostics);
      }),
      { numRuns: runs(100) },
    );
  });

  it('any small edit of a template: diagnostics, never an exception', { timeout: 60_000 * FUZZ }, async () => {
    const content = await shippedContent();
    const templates = await shippedTemplates();
    const prepared = prepareContent(content);
    const names = ['templates/briefing/deck.hbs', 'templates/_shared/partials/part-slide.hbs', 'templates/_shared/partials/composition-chart.hbs', 'templates/_shared/partials/sources.hbs'];
    const edit = fc.record({
      file: fc.constantFrom(...names),
      at: fc.nat(),
      cut: fc.nat({ max: 30 }),
      insert: fc.oneof(
        fc.constantFrom('', '{{', '}}', '{{#each parts}}', '{{/each}}', '{{/with}}', '{{else}}', '{{> part-slide}}', '{{> agenda}}', '{{constructor}}', '{{lookup this "__proto__"}}', '{{fact "x"}}', '{{json}}', '"', '\n', '  - kind: bullets\n', '{{!--', '{{{x}}}', '(', ')', '{{#with}}', '{{@root.x}}', '{{../x}}'),
        fc.string({ maxLength: 6 }),
      ),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 3 }), async (edits) => {
        const files = applyEdits(templates, edits);
        const result = await compileAudience(prepared, files, 'briefing', { render: false });
        expectWellFormed(result.diagnostics);
        const { audience } = loadAudience('briefing', files);
        if (audience) expectWellFormed(expandTemplates(audience, buildContext('briefing', audience.theme, prepared.content!, prepared.facts, prepared.data)).diagnostics);
      }),
      { numRuns: runs(120) },
    );
  });

  it('any text as a deck spec: diagnostics, never an exception', () => {
    fc.assert(
      fc.property(yamlish, (text) => {
        const { diagnostics } = parseSpec(text, { template: 'templates/t/deck.hbs', audience: 't' });
        expectWellFormed(diagnostics);
      }),
      { numRuns: runs(200) },
    );
  });
});
