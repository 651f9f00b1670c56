import type { PlaceholderProps, Pptx, PptxSlide, SlideMasterProps, SlideNumberProps, TextPropsOptions } from './types.js';
import { localizeDigits, toDigits } from '../format/arabic.js';
import type { Theme } from '../audience/theme.js';
import type { Logo } from '../audience/logo.js';
import { ACCENT_BAR, FOOTER, MARGIN, SLIDE, TITLE_SLIDE_TITLE_H, contentLogoBox, titleBox } from './layout.js';
import { ar, headingStyle } from './rtl.js';

export const CONTENT_MASTER = 'MUJAZ_CONTENT';
const SLIDE_NUMBER_BOX = { x: MARGIN, y: FOOTER.y, w: 0.8, h: FOOTER.h } as const;
export const TITLE_MASTER = 'MUJAZ_TITLE';

/**
 * The two slide masters: a title slide on the primary colour, and content slides with the
 * title placeholder at the top right, an accent bar, and a footer with the source and date,
 * the distribution marking and the slide number.
 */
export function defineMasters(pptx: Pptx, theme: Theme, footer: string | undefined, logo?: Logo): void {
  const c = theme.colors;
  const footerText = (text: string, x: number, w: number, align: 'right' | 'center', color = c.muted) => ({
    text: {
      text,
      options: ar({ fontFace: theme.fonts.body, fontSize: theme.sizes.footer, color }, { x, y: FOOTER.y, w, h: FOOTER.h, align, valign: 'middle', margin: 0 }),
    },
  });
  // The footer, right to left: the source and date from the right edge, the distribution
  // marking between it and the slide number on the left.
  const markingBox = { x: MARGIN + 1.0, w: 3.6 };
  const footerX = theme.marking ? markingBox.x + markingBox.w + 0.2 : MARGIN + 1.0;
  const objects: NonNullable<SlideMasterProps['objects']> = [
    { rect: { x: 0, y: 0, w: SLIDE.w, h: 0.12, fill: { color: c.primary }, line: { type: 'none' } } },
    { rect: { ...ACCENT_BAR, fill: { color: c.accent }, line: { type: 'none' } } },
    { line: { x: MARGIN, y: FOOTER.ruleY, w: SLIDE.w - 2 * MARGIN, h: 0, line: { color: c.surface === c.background ? c.muted : c.surface, width: 1 } } },
    {
      placeholder: {
        options: { name: 'title', type: 'title', ...titleBox(logo?.onContent), ...ar(headingStyle(theme)), valign: 'middle', margin: 0 } as PlaceholderProps,
        text: '',
      },
    },
  ];
  // (`slides: all`: the logo at the left of the title band of every content slide, the title beside it)
  if (logo?.onContent) objects.push({ image: { ...contentLogoBox(logo.onContent), data: logo.onContent.data ?? logo.data, altText: logo.alt } });
  if (footer) objects.push(footerText(footer, footerX, SLIDE.w - MARGIN - footerX, 'right'));
  if (theme.marking) objects.push(footerText(localizeDigits(theme.marking, theme.digits), markingBox.x, markingBox.w, 'center', c.text));
  pptx.defineSlideMaster({
    title: CONTENT_MASTER,
    background: { color: c.background },
    objects,
    // A slide-number field shows the viewer's digits (Western in LibreOffice); for Arabic-Indic
    // digits each slide draws its number as text instead (addSlideNumber).
    ...(theme.digits === 'western' ? { slideNumber: { ...SLIDE_NUMBER_BOX, fontFace: theme.fonts.body, fontSize: theme.sizes.footer, color: c.muted, align: 'left', valign: 'middle', margin: 0 } as SlideNumberProps } : {}),
  });
  pptx.defineSlideMaster({
    title: TITLE_MASTER,
    background: { color: c.primary },
    objects: [
      { rect: { x: SLIDE.w - MARGIN - 0.12, y: 1.6, w: 0.12, h: 3.2, fill: { color: c.accent }, line: { type: 'none' } } },
      {
        placeholder: {
          options: { name: 'title', type: 'title', x: MARGIN, y: 1.6, w: SLIDE.w - 2 * MARGIN - 0.4, h: TITLE_SLIDE_TITLE_H, ...ar(headingStyle(theme, theme.sizes.big - 10, c.onPrimary)), valign: 'bottom', margin: 0 } as PlaceholderProps,
          text: '',
        },
      },
      ...(theme.marking ? [footerText(localizeDigits(theme.marking, theme.digits), SLIDE.w / 2 - 2, 4, 'center', c.onPrimary)] : []),
    ],
  });
}

/** The slide number as text, in the audience's digits, where the master has no number field. */
export function addSlideNumber(slide: PptxSlide, n: number, theme: Theme): void {
  if (theme.digits === 'western') return;
  slide.addText(toDigits(String(n), theme.digits), {
    ...SLIDE_NUMBER_BOX,
    ...ar({ fontFace: theme.fonts.body, fontSize: theme.sizes.footer, color: theme.colors.muted }),
    align: 'left',
    valign: 'middle',
    margin: 0,
  } as TextPropsOptions);
}
