/**
 * Whether a deck shows an outline text (src/facts/drift.ts textShown), for the warnings that speak
 * of one (MJZ148, MJZ176): with whatever a template writes around it, but not as the start of a
 * longer outline text.
 */
import { describe, expect, it } from 'vitest';
import type { TemplateContext } from '../../src/audience/context.js';
import { textShown } from '../../src/facts/drift.js';

const context = {
  article: { title: 'عنوان' },
  parts: [{ heading: 'سوريا تعتزم الانضمام', short: 'الإعلان', notes: 'ملاحظات', points: ['ستكون سوريا العضو رقم 90 في التحالف الذي تشكّل بقيادة الولايات المتحدة', 'يضم التحالف 90 عضواً'] }],
  highlights: { summary: ['ستكون سوريا العضو رقم 90 في التحالف'] },
  tables: {},
} as unknown as TemplateContext;
const shown = (path: (string | number)[], ...texts: string[]) => textShown(path, context, texts.join('\n'));

describe('textShown', () => {
  it('sees a text with what the template writes around it', () => {
    expect(shown(['parts', 0, 'heading'], 'سوريا تعتزم الانضمام الإعلان')).toBe(true);
    expect(shown(['parts', 0, 'points', 1], 'ويضم التحالف 90 عضواً')).toBe(true);
    expect(shown(['parts', 0, 'points', 1], 'يضم التحالف 90 عضواً بحسب المقال')).toBe(true);
    expect(shown(['parts', 0, 'points', 1], '• يضم التحالف 90 عضواً.')).toBe(true);
    expect(shown(['parts', 0, 'points', 1], 'نص آخر')).toBe(false);
  });

  it('not as the start of a longer outline text the deck shows there, but where it stands by itself too', () => {
    const point = context.parts[0]!.points[0]!;
    expect(shown(['highlights', 'summary', 0], point)).toBe(false);
    expect(shown(['highlights', 'summary', 0], point, 'ستكون سوريا العضو رقم 90 في التحالف.')).toBe(true);
  });
});
