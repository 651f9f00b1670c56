import { withUnit } from '../format/arabic.js';
import type { Manifest, ManifestSlide } from './manifest.js';

export interface FactChange {
  key: string;
  label?: string;
  before?: number | string;
  after?: number | string;
}

export interface SlideChange {
  before: ManifestSlide;
  after: ManifestSlide;
  /** Facts on the slide whose values changed, or that appeared or left. */
  facts: FactChange[];
}

export interface DeckDiff {
  added: ManifestSlide[];
  removed: ManifestSlide[];
  changed: SlideChange[];
  /** Facts of the content whose values changed, used on a slide or not. */
  facts: FactChange[];
  /** The audience's look (its theme or logo) changed: every slide looks different. */
  look: boolean;
}

/** Compares two builds slide by slide, matching slides by their identity (section, kind, rank). */
export function diffManifests(before: Manifest, after: Manifest): DeckDiff {
  const old = new Map(before.slides.map((s) => [s.id, s]));
  const now = new Map(after.slides.map((s) => [s.id, s]));
  const added = after.slides.filter((s) => !old.has(s.id));
  const removed = before.slides.filter((s) => !now.has(s.id));
  const changed: SlideChange[] = [];
  for (const s of after.slides) {
    const o = old.get(s.id);
    if (!o || o.fingerprint === s.fingerprint) continue;
    changed.push({ before: o, after: s, facts: factChanges(o.facts, s.facts) });
  }
  const look = before.look !== undefined && after.look !== undefined && before.look !== after.look;
  return { added, removed, changed, facts: factChanges(before.facts, after.facts), look };

  /** The facts whose values differ between two maps of key → { value }, labelled. */
  function factChanges(b: Record<string, { value: number | string; unit?: string }>, a: Record<string, { value: number | string; unit?: string }>): FactChange[] {
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
    return keys
      .filter((key) => b[key]?.value !== a[key]?.value || b[key]?.unit !== a[key]?.unit)
      .map((key) => ({ key, label: after.facts[key]?.label ?? before.facts[key]?.label, before: shown(b[key]), after: shown(a[key]) }));
  }
}

export function isEmpty(diff: DeckDiff): boolean {
  return !diff.added.length && !diff.removed.length && !diff.changed.length && !diff.facts.length && !diff.look;
}

const value = (v: number | string | undefined) => (v === undefined ? '—' : String(v));

/** A fact's value as a slide shows it with its unit (48%, 4.5 مليار دولار); the bare value without one. */
const shown = (fact: { value: number | string; unit?: string } | undefined): number | string | undefined => (fact?.unit ? withUnit(String(fact.value), fact.unit) : fact?.value);

/** The summary people read: which slides were added, removed and changed, and which facts moved. */
export function formatDiff(diff: DeckDiff): string {
  if (isEmpty(diff)) return 'no differences';
  const lines: string[] = [];
  if (diff.look) lines.push('the look of every slide: its theme (colours, fonts, sizes, digits or logo)');
  for (const f of diff.facts) lines.push(`fact ${f.key}${f.label ? ` (${f.label})` : ''}: ${value(f.before)} → ${value(f.after)}`);
  for (const s of diff.added) lines.push(`+ slide ${s.n} ${s.kind}: ${s.title}`);
  for (const s of diff.removed) lines.push(`- slide ${s.n} ${s.kind}: ${s.title}`);
  for (const c of diff.changed) {
    const where = c.before.n === c.after.n ? `${c.after.n}` : `${c.before.n} → ${c.after.n}`;
    lines.push(`~ slide ${where} ${c.after.kind}: ${c.after.title}`);
    for (const f of c.facts) lines.push(`    ${f.label ?? f.key} (${f.key}): ${value(f.before)} → ${value(f.after)}`);
  }
  return lines.join('\n');
}
