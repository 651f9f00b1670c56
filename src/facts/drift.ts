/**
 * Sentences that the data has moved past. A point of the outline rests on sentences of the
 * article (its basis) and prints figures through facts. When a fact's figure comes from the data
 * and the data has moved since the article (Syria joins: 89 becomes 90), the slide prints the
 * new figure in a sentence whose basis still says the old one: "the coalition today has 90
 * members", resting on "89 members". Likewise a member's place the article told as still to come
 * ("Syria will be member 90"), once the data lists the member as joined after the article. The
 * figures follow by themselves; the wording may not (a "will be" that is now a fact), so each
 * such text is named for its author to read again.
 */
import { CONTENT_FILES, FACT_REF } from '../content/files.js';
import { outlineTexts } from '../content/outline.js';
import { quoteStates, type Content } from '../content/parse.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { foldArabic } from '../format/arabic.js';
import { datePrefix } from './data.js';
import type { ResolvedFact } from './resolve.js';
import type { TemplateContext } from '../audience/context.js';
import { withoutMarkers } from './markers.js';

interface Point {
  /** The texts that print facts (a point's text, or a table row's cells), with their paths. */
  texts: { text: string; path: PropertyKey[] }[];
  basis: readonly string[];
}

function points(content: Content): Point[] {
  const out: Point[] = [];
  content.parts.forEach((part, p) =>
    part.points.forEach((point, i) => out.push({ texts: [{ text: point.text, path: ['parts', p, 'points', i, 'text'] }], basis: point.basis })),
  );
  for (const [id, list] of Object.entries(content.highlights)) {
    list.forEach((point, i) => out.push({ texts: [{ text: point.text, path: ['highlights', id, i, 'text'] }], basis: point.basis }));
  }
  for (const [id, table] of Object.entries(content.tables)) {
    table.rows.forEach((row, r) => out.push({ texts: row.cells.map((text, c) => ({ text, path: ['tables', id, 'rows', r, 'cells', c] })), basis: row.basis }));
  }
  return out;
}

/**
 * The members the data lists as joined after the article's date, by ISO code: what the article
 * told of them (Syria "will be" member 90) was still to come when it was written.
 */
function joinedAfter(content: Content): Map<string, { name: string; ar: string; joined: string }> {
  const after = new Map<string, { name: string; ar: string; joined: string }>();
  for (const m of content.dataset?.members ?? []) {
    const joined = m.joined === null || m.joined === undefined ? undefined : datePrefix(m.joined);
    if (m.iso2 && joined && joined > content.article.date) after.set(m.iso2, { name: m.en, ar: m.ar, joined });
  }
  return after;
}

/**
 * The words MJZ176 reads, in folded text (foldArabic: no tashkeel, one alef): a joining (الانضمام،
 * تنضم، العضو، التوقيع); one told as still to come, by a future said of the state (ستكون سوريا،
 * سوف تنضم سوريا) or an intention, a plan, a wait (تعتزم، تستعد، من المقرر، المرتقب، المنتظر،
 * يتوقع); and one told as done (انضمت سوريا), which a text already reworded says of the state.
 */
const word = (alternatives: string) => new RegExp(`(?<![\\p{L}\\p{M}])[وفل]?(?:${alternatives})(?![\\p{L}\\p{M}])`, 'u');
const JOINING = word('(?:ال)?انضمام(?:ها)?|(?:لل|ل)انضمام|تنضم|ستنضم|سينضم|(?:ال)?عضو|عضوا|(?:ال)?عضويه|(?:ال)?عضوية|(?:ال)?توقيع|(?:لل|ل)توقيع');
const FUTURE = word('ستكون|ستنضم|سينضم|ستصبح|ستوقع|سوف');
const PLANNED = word('تعتزم|يعتزم|اعتزام|عزمها|تنوي|نيتها|تستعد|يستعد|استعداد|وشك|(?:ال)?مرتقب|(?:ال)?مرتقبة|من المقرر|(?:ال)?مقرر|(?:ال)?مقررة|(?:ال)?مزمع|(?:ال)?مزمعة|(?:ال)?منتظر|(?:ال)?منتظرة|يتوقع|تتوقع|(?:ال)?متوقع|(?:ال)?متوقعة');
const DONE = word('انضمت|انضم|اصبحت|باتت|صارت');
/** Names that hold a state's name but are not the state (قوات سوريا الديمقراطية). */
const NOT_THE_STATE = /(?:قوات )?سوريا الديمقراطية|قسد/g;

/**
 * Whether `text` tells the joining of one of `members` (by the stem of its Arabic name) as still
 * to come, and has not been reworded to tell it as done: the member, and the word that tells it,
 * as written (marks and all), with which of its kind in the text it is.
 */
export function toldAsToCome<M>(text: string, members: readonly { stem: string; member: M }[]): { member: M; word: string; nth: number } | undefined {
  const folded = foldArabic(text);
  const plain = folded.text.replace(NOT_THE_STATE, (m) => ' '.repeat(m.length));
  const named = members.find((m) => plain.includes(m.stem));
  if (named === undefined || !JOINING.test(plain)) return undefined;
  const { member } = named;
  // (the number of the word that holds the offset, from 0: a stem may begin inside its word, السورية)
  const wordAt = (offset: number) => (plain.slice(0, offset + 1).match(/(?<![\p{L}\p{N}])[\p{L}\p{N}]/gu) ?? []).length - 1;
  const words = (re: RegExp) => [...plain.matchAll(globally(re))].map((m) => ({ at: wordAt(m.index!), index: m.index!, text: m[0] }));
  const state = words(new RegExp(named.stem));
  const near = (at: number, others: readonly { at: number }[], by: number) => others.some((o) => Math.abs(o.at - at) <= by);
  // told as done, of the state: «انضمت سوريا», «سوريا انضمت», «أصبحت سوريا العضو» (a joining
  // of others, «التحالف الذي انضمت إليه 89 دولة», is not)
  if (words(DONE).some((d) => near(d.at, state, 1))) return undefined;
  // The word that tells it to come stands by the state: a future within two words of it (ستكون
  // سوريا، سوف تنضم سوريا، وستصبح بذلك سوريا), an intention or a plan within two words of it or of
  // the joining (سوريا تعتزم الانضمام، انضمام سوريا المنتظر); not «يتوقع أن يساهم الانضمام في…»,
  // «سوف يسهم الانضمام في رفع العقوبات عن سوريا», which tell what the joining will bring, nor
  // «ستنضم قسد إلى الجيش السوري», a joining of others.
  const joining = words(JOINING);
  const found = [...words(FUTURE).filter((f) => near(f.at, state, 2)), ...words(PLANNED).filter((p) => near(p.at, [...state, ...joining], 2))].sort((a, b) => a.index - b.index)[0];
  if (!found) return undefined;
  const start = folded.at(found.index);
  let end = folded.at(found.index + found.text.length - 1) + 1;
  while (end < text.length && /[\u064B-\u065F\u0670\u0640]/.test(text[end]!)) end++; // (its last letter's marks)
  const written = text.slice(start, end);
  return { member, word: written, nth: text.slice(0, start).split(written).length - 1 };
}

const globally = (re: RegExp) => new RegExp(re.source, `${re.flags}g`);

/** The stem of a state's Arabic name, to find it and its adjective in a text (سوريا: سوريا، السورية، السوري). */
export function nameStem(ar: string): string | undefined {
  const stem = ar.trim().split(/\s+/)[0]!.replace(/^ال/, '').replace(/(?:ا|ة)$/, '');
  return stem.length >= 3 ? stem : undefined;
}

/**
 * MJZ148 for each place of the outline that prints a fact the data has moved on from, where the
 * fact still records the article's account:
 * - in a point (or table row), a figure its basis does not say, where the basis says the figure
 *   the fact states (89 → 90);
 * - anywhere in the outline, notes and headings too, a member's place in the coalition
 *   (member.SY.number) told by the article before the member joined, when the data now lists
 *   it as joined after the article's date.
 * Recording what a later source states under the fact's `stated` (or removing `stated`) settles it.
 */
export function basisDrift(content: Content, facts: Record<string, ResolvedFact>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const warned = new Set<string>(); // a path and a fact key: one warning each
  const warn = (path: PropertyKey[], ref: string, nth: number, key: string, message: string, moved: boolean) => {
    warned.add(`${JSON.stringify(path)} ${key}`);
    const shown = facts[key]!;
    diagnostics.push({
      code: 'MJZ148',
      severity: 'warning',
      message,
      hint: `The figure on the slide follows the data, the words around it may not: read the text again (a "will be" may now have happened) and reword it if need be. Then record the source that states ${String(shown.value)}${moved ? '' : ' after the joining'} under the fact's stated in ${CONTENT_FILES.facts} (value, source, quote), or remove stated where the data alone is the source: either settles this warning${moved ? ' and MJZ140' : ''}.`,
      location: content.locateRef(path, ref, nth),
      source: content.sourceOf('article'),
      path, // (the outline text's: a deck that does not show it is not told, textShown)
    });
  };
  const nthOf = (text: string, match: RegExpMatchArray) => text.slice(0, match.index).split(match[0]).length - 1;

  for (const point of points(content)) {
    const basis = point.basis.join('\n');
    const seen = new Set<string>();
    for (const { text, path } of point.texts) {
      for (const match of text.matchAll(FACT_REF)) {
        const key = match[1]!;
        const fact = content.facts[key];
        const shown = facts[key];
        const stated = fact?.stated?.value;
        if (!fact || !shown || stated === undefined || fact.type === 'text' || seen.has(key)) continue;
        if (shown.value === stated || !quoteStates(basis, fact.type, stated) || quoteStates(basis, fact.type, shown.value)) continue;
        seen.add(key);
        warn(path, match[0], nthOf(text, match), key, `This point prints "${fact.label}" (${key}) as ${String(shown.value)}, from the data, but the sentence it rests on says ${String(stated)}`, true);
      }
    }
  }

  const after = joinedAfter(content);
  // MJZ176: a text that names a member the data lists as joined after the article, and tells its joining
  // as still to come (سوريا تعتزم الانضمام، ستكون العضو، الزيارة المرتقبة للتوقيع): as the article
  // did. It prints no figure to follow the data, so nothing else would say that it now reads
  // as news that is past. (A text another warning names for the member's number is left to it.)
  const toCome: { path: PropertyKey[]; word: string; nth: number; member: { name: string; joined: string }; text: string }[] = [];
  if (after.size) {
    const stems = [...after.values()].flatMap((m) => {
      const stem = nameStem(m.ar);
      return stem ? [{ stem, member: m }] : [];
    });
    for (const { text, path } of outlineTexts(content)) {
      const told = toldAsToCome(text, stems);
      if (told) toCome.push({ path, ...told, text });
    }
  }
  const told = new Map<string, { name: string; joined: string }>(); // fact key → the member it places
  for (const [key, fact] of Object.entries(content.facts)) {
    const member = /^member\.([A-Z]{2})\.number$/.exec(fact.data ?? '')?.[1];
    if (member && after.has(member) && fact.stated?.source === content.article.source && facts[key]) told.set(key, after.get(member)!);
  }
  const stillToCome = () => {
    for (const { path, word, nth, member } of toCome) {
      if ([...warned].some((w) => w.startsWith(`${JSON.stringify(path)} `))) continue;
      const where = path[0] === 'parts' && path[2] === 'notes' ? 'These notes tell' : path.includes('points') || path[0] === 'highlights' ? 'This point tells' : 'This text tells';
      diagnostics.push({
        code: 'MJZ176',
        severity: 'warning',
        message: `${where} ${member.name}'s joining as still to come («${word.trim()}»), as the article did: the data lists ${member.name} as a member since ${member.joined}, after the article (${content.article.date})`,
        hint: 'The deck speaks as the article did, on its date. If it should speak as of now, reword the text (a "will be" that has happened); if it tells the article\'s account, leave it: the figures on the slide follow the data by themselves.',
        location: content.locateRef(path, word, nth),
        source: content.sourceOf('article'),
        path,
      });
    }
  };
  if (told.size === 0) {
    stillToCome();
    return diagnostics;
  }
  for (const { text, path } of outlineTexts(content)) {
    for (const match of text.matchAll(FACT_REF)) {
      const key = match[1]!;
      const member = told.get(key);
      if (!member || warned.has(`${JSON.stringify(path)} ${key}`)) continue;
      const where = path[0] === 'parts' && path[2] === 'notes' ? 'These notes print' : path.includes('points') || path[0] === 'highlights' ? 'This point prints' : 'This text prints';
      warn(path, match[0], nthOf(text, match), key, `${where} "${content.facts[key]!.label}" (${key}) as the article told it, before ${member.name} joined: the data lists it as a member since ${member.joined}, after the article (${content.article.date})`, false);
    }
  }
  stillToCome();
  return diagnostics;
}

/** The warnings of this file that speak of one text of the outline (at their `path`): a deck that does not show the text need not hear of them. */
export const OF_A_TEXT = new Set(['MJZ148', 'MJZ176']);

/** The texts of the outline, as the context fills them, without markers: what textShown tells apart. */
export function outlineTextsOf(context: TemplateContext): string[] {
  const texts = [context.article.title, context.article.subtitle ?? ''];
  for (const part of context.parts) texts.push(part.heading, part.short, part.notes, ...part.points);
  for (const list of Object.values(context.highlights)) texts.push(...list);
  for (const table of Object.values(context.tables)) texts.push(table.title, ...table.columns, ...table.rows.flat());
  return [...new Set(texts.map((t) => withoutMarkers(t).trim()).filter(Boolean))];
}

/**
 * Whether a deck shows the outline text at `path` (as the context fills it), somewhere in its
 * slides' text (`shown`): a point, a heading, notes, a highlight, a cell, with whatever the
 * template writes around it. An occurrence that is only part of a longer outline text the deck
 * shows there («ستكون سوريا العضو رقم 90 في التحالف» inside «… في التحالف الذي تشكّل …») does
 * not count. Unknown paths count as shown.
 */
export function textShown(path: readonly PropertyKey[], context: TemplateContext, shown: string, texts: readonly string[] = outlineTextsOf(context)): boolean {
  const [kind, a, b, c, d, e] = path;
  const text =
    kind === 'parts' && typeof a === 'number'
      ? b === 'points' && typeof c === 'number'
        ? context.parts[a]?.points[c]
        : b === 'heading' || b === 'short' || b === 'notes'
          ? context.parts[a]?.[b]
          : undefined
      : kind === 'highlights' && typeof a === 'string' && typeof b === 'number'
        ? context.highlights[a]?.[b]
        : kind === 'tables' && typeof a === 'string' && b === 'rows' && typeof c === 'number' && d === 'cells' && typeof e === 'number'
          ? context.tables[a]?.rows[c]?.[e]
          : kind === 'article' && (a === 'title' || a === 'subtitle')
            ? context.article[a]
            : undefined;
  if (text === undefined) return true;
  const plain = withoutMarkers(text).trim();
  const longer = texts.filter((t) => t.length > plain.length && t.includes(plain));
  const places = (t: string) => {
    const at: number[] = [];
    for (let i = shown.indexOf(t); i !== -1; i = shown.indexOf(t, i + 1)) at.push(i);
    return at;
  };
  const covers = longer.flatMap((t) => places(t).map((p) => [p, p + t.length] as const));
  return places(plain).some((i) => !covers.some(([from, to]) => from <= i && i + plain.length <= to));
}
