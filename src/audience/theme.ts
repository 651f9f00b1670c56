import { z } from 'zod';
import { listed } from '../diagnostics/schema.js';

const color = z.string().superRefine((value, ctx) => {
  if (/^[0-9A-Fa-f]{6}$/.test(value)) return;
  const bare = value.trim().replace(/^#/, '');
  // (#1F3A5F as CSS writes it, and #123 for #112233)
  const hint = /^[0-9A-Fa-f]{6}$/.test(bare)
    ? `${value.trim().startsWith('#') ? 'Drop the #' : 'Remove the spaces'}: "${bare.toUpperCase()}".`
    : /^[0-9A-Fa-f]{3}$/.test(bare)
      ? `Write all six digits: "${bare.replace(/./g, '$&$&').toUpperCase()}".`
      : 'Give the colour as six hexadecimal digits (0–9, A–F) in double quotes, e.g. "1F3A5F", as a colour picker shows it without its #.';
  ctx.addIssue({ code: 'custom', message: 'write colours as six hex digits, e.g. 1F3A5F', params: { hint } });
}).meta({ pattern: '^[0-9A-Fa-f]{6}$' }); // (for the editor schema, docs/schemas/theme.schema.json)
/** pptxgenjs writes a font's name into the XML as it is: a name with & < > " ' would break every part that names it. */
const font = z
  .string()
  .trim()
  .min(1)
  .regex(/^[^<>&"'\u0000-\u001f]*$/, 'a font name holds no < > & " \' (write it as the system lists it, e.g. Noto Naskh Arabic)');
const text = z.string().trim().min(1);

const fonts = z.strictObject({
  heading: font,
  body: font,
  /**
   * How wide the fonts set text against Amiri's 1, for fitting text into its boxes. Known faces
   * have theirs (layout.ts); give it for another face whose text overflows: 1.2 fits 20% more.
   */
  width: z.number().min(0.6, 'give a width between 0.6 and 2 (Amiri is 1)').max(2, 'give a width between 0.6 and 2 (Amiri is 1)').optional(),
});
const colors = z.strictObject({
  primary: color,
  onPrimary: color,
  accent: color,
  text: color,
  muted: color,
  background: color,
  surface: color,
  highlight: color,
  chart: listed(z.array(color).min(3), { one: 'chart colour', many: 'chart colours', holder: 'a theme', tooFew: 'List at least three colours under colors.chart: a chart of several series takes them in turn.' }),
});
const sizes = z.strictObject({
  title: z.number().min(12).max(60),
  body: z.number().min(10).max(40),
  small: z.number().min(8).max(24),
  footer: z.number().min(7).max(16),
  big: z.number().min(24).max(96),
});

/** A logo as a theme.yaml names it: its file in the audience's folder. */
const logoFile = z
  .string()
  .trim()
  // (no /i flag, so that the JSON schema editors read is the same: the cases are spelled out)
  .regex(/^(?:\.\.\/_shared\/(?!.*\.\.)|(?![/\\])(?!.*\.\.))[^\\]+\.(?:[pP][nN][gG]|[jJ][pP][eE]?[gG])$/, "name a .png or .jpg file of this audience's folder, e.g. logo.png (or ../_shared/logo.png)");
const logo = z.strictObject({
  /** A PNG or JPEG picture, in the folder of the theme that names it (or ../_shared/). */
  file: logoFile,
  /** Its width on the title slide, in inches (1.5 unless given); the height follows the picture, at most 1 inch. */
  width: z.number().min(0.3, 'give a width between 0.3 and 4 inches').max(4, 'give a width between 0.3 and 4 inches').optional(),
  /** What it shows, for screen readers (e.g. شعار الوزارة): a logo says who speaks, so it is required. */
  alt: text.optional(),
  /** Where it is drawn: on the title slide (title, the default), or there and, smaller, at the top left of every other slide (all). */
  slides: z.enum(['title', 'all']).optional(),
  /** With slides: all, the picture drawn on the other slides instead, where the title slide's would not show on their background (a white logo for the primary colour, say): a PNG or JPEG, named like file. */
  contentFile: logoFile.optional(),
});

/** An audience's theme, after its `extends` chain is merged: every field set. */
export const ThemeSchema = z.strictObject({
  /** The audience this one builds on: its templates, partials and theme are the defaults. */
  extends: z.string().optional(),
  label: text,
  description: text,
  digits: z.enum(['western', 'arabic-indic']),
  /** A distribution marking shown in every footer, e.g. للاستخدام الرسمي. */
  marking: z.string().optional(),
  /** A picture on the title slide, top right (with `slides: all`, also at the top left of the others, or `contentFile` there); `file` and `contentFile` are project paths once the theme is loaded. */
  logo: z.strictObject({ file: z.string(), width: z.number().optional(), alt: text, slides: z.enum(['title', 'all']).optional(), contentFile: z.string().optional() }).optional(),
  fonts,
  colors,
  sizes,
});

/** One theme.yaml file: any field may be left to the audience it extends. */
export const ThemeFileSchema = z.strictObject({
  extends: z.string().optional(),
  label: text.optional(),
  description: text.optional(),
  digits: z.enum(['western', 'arabic-indic']).optional(),
  marking: z.string().optional(),
  /** false: no logo, where the audience extended draws one. */
  logo: z.union([z.literal(false), logo.partial()]).optional(),
  fonts: fonts.partial().optional(),
  colors: colors.partial().optional(),
  sizes: sizes.partial().optional(),
});

export type Theme = z.infer<typeof ThemeSchema>;
