import { z } from 'zod';

const color = z.string().regex(/^[0-9A-Fa-f]{6}$/, 'write colours as six hex digits, e.g. 1F3A5F');
const font = z.string().trim().min(1);

/** An audience's theme: templates/<audience>/theme.yaml. */
export const ThemeSchema = z.strictObject({
  label: z.string().trim().min(1),
  description: z.string().trim().min(1),
  digits: z.enum(['western', 'arabic-indic']).default('western'),
  /** A distribution marking shown in every footer, e.g. للاستخدام الرسمي. */
  marking: z.string().optional(),
  fonts: z.strictObject({
    heading: font,
    body: font,
  }),
  colors: z.strictObject({
    primary: color,
    onPrimary: color,
    accent: color,
    text: color,
    muted: color,
    background: color,
    surface: color,
    highlight: color,
    chart: z.array(color).min(3),
  }),
  sizes: z
    .strictObject({
      title: z.number().min(12).max(60).default(30),
      body: z.number().min(10).max(40).default(20),
      small: z.number().min(8).max(24).default(13),
      footer: z.number().min(7).max(16).default(10),
      big: z.number().min(24).max(96).default(54),
    })
    .prefault({}),
});

export type Theme = z.infer<typeof ThemeSchema>;
