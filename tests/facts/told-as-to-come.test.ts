/**
 * MJZ176's reading (src/facts/drift.ts toldAsToCome): a text that names a member the data lists
 * as joined after the article and tells its joining as still to come, in the ways Arabic writes
 * it (with or without tashkeel, with و or ف before the word), and not a text that speaks of
 * something else to come, of another body with the state's name, or already tells it as done.
 */
import { describe, expect, it } from 'vitest';
import { nameStem, toldAsToCome } from '../../src/facts/drift.js';

const syria = [{ stem: nameStem('سوريا')!, member: 'SY' }];
const told = (text: string) => toldAsToCome(text, syria)?.word;

describe('toldAsToCome', () => {
  it('finds the joining told as still to come, as written', () => {
    expect(told('سوريا تعتزم الانضمام إلى التحالف الدولي')).toBe('تعتزم');
    expect(told('وتعتزمُ سوريا الانضمام إلى التحالف')).toBe('وتعتزمُ');
    expect(told('ستنضمّ سوريا إلى التحالف قريباً')).toBe('ستنضمّ');
    expect(told('الانضمام المُرتقَب لسوريا إلى التحالف')).toBe('المُرتقَب');
    expect(told('سوف تنضم سوريا إلى التحالف')).toBe('سوف');
    expect(told('انضمام سوريا المنتظر إلى التحالف')).toBe('المنتظر');
    expect(told('يُتوقع انضمام سوريا إلى التحالف')).toBe('يُتوقع');
    expect(told('تعتزم الحكومة السورية الانضمام إلى التحالف، ومن المقرر أن يزور الشرع واشنطن للتوقيع')).toBe('تعتزم');
    expect(toldAsToCome('ستكون سوريا العضو رقم 90', syria)).toEqual({ member: 'SY', word: 'ستكون', nth: 0 });
    expect(told('تستعد سوريا للانضمام إلى التحالف')).toBe('تستعد');
    // the guide's own examples, without the coalition named; a future said of the state
    expect(told('سوريا تعتزم الانضمام')).toBe('تعتزم');
    expect(told('الانضمام المرتقب لسوريا')).toBe('المرتقب');
    expect(told('سوف تنضم سوريا')).toBe('سوف');
    expect(told('سوف تصبح سوريا العضو التسعين في التحالف')).toBe('سوف');
    expect(told('وستصبح بذلك سوريا العضو رقم 90 في التحالف')).toBe('وستصبح');
    expect(told('ستكون بذلك سوريا العضو 90')).toBe('ستكون');
    expect(told('ستنضم سوريا قريباً بالتحالف')).toBe('ستنضم');
    expect(told('سوريا على وشك الانضمام إلى التحالف')).toBe('وشك');
    // the joining of others told as done is no rewording of this one
    expect(told('تعتزم سوريا الانضمام إلى التحالف الذي انضمت إليه 89 دولة')).toBe('تعتزم');
    expect(told('تعتزم سوريا الانضمام إلى التحالف الذي انضم إليه العراق عام 2014')).toBe('تعتزم');
  });

  it('leaves a text that speaks of something else to come, of another body with the name, or tells the joining as done', () => {
    expect(told('ستكون الحكومة السورية مسؤولة عن ملف السجون')).toBeUndefined();
    expect(told('ستكون قوات سوريا الديمقراطية خارج الشراكة مع التحالف بعد الانضمام')).toBeUndefined();
    expect(told('انضمت سوريا إلى التحالف، ومن المقرر أن تبدأ العمليات المشتركة')).toBeUndefined();
    expect(told('سيصبح وجود القوات الأمريكية مشروعاً في سوريا')).toBeUndefined();
    expect(told('تعتزم الحكومة العراقية الانضمام')).toBeUndefined();
    // what the joining is expected to bring is not the joining to come; a joining into something
    // else than the coalition is not this one
    expect(told('يُتوقّع أن يساهم الانضمام في حلّ مشكلة مناطق شمال شرق سوريا')).toBeUndefined();
    expect(told('سوف يسهم الانضمام إلى التحالف في رفع العقوبات عن سوريا')).toBeUndefined();
    expect(told('ستنضم قسد إلى الجيش السوري بعد الاتفاق')).toBeUndefined();
    expect(told('أصبحت سوريا العضو رقم 90 في التحالف، وستكون شريكاً في عملياته')).toBeUndefined();
  });
});
