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
import { datePrefix } from './data.js';
import type { ResolvedFact } from './resolve.js';

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
 * Words that tell a joining as still to come: an intention (تعتزم، تنوي), a future said of the
 * state (ستكون، ستنضم: feminine, as a state is), something planned or awaited (من المقرر،
 * المرتقب، المزمع). (Not any future: «سيصبح وجود القوات مشروعاً في سوريا» tells a consequence.)
 */
const STILL_TO_COME = /(?<![\p{L}\p{M}])(?:و|ف)?(?:تعتزم|يعتزم|اعتزام|عزمها|تنوي|نيتها|ستكون|ستنضم|سينضم|ستصبح|ستوقع|المرتقب|المرتقبة|مرتقب|مرتقبة|من المقرر|المقررة|المزمع|المزمعة)(?![\p{L}\p{M}])/u;

/** The stem of a state's Arabic name, to find it and its adjective in a text (سوريا: سوريا، السورية، السوري). */
function nameStem(ar: string): string | undefined {
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
      const member = stems.find((s) => text.includes(s.stem))?.member;
      const word = member && STILL_TO_COME.exec(text);
      if (member && word) toCome.push({ path, word: word[0], nth: text.slice(0, word.index).split(word[0]).length - 1, member, text });
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
