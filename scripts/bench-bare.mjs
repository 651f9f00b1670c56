#!/usr/bin/env node
// The floor the benchmark compares mujaz with: the same bullet slides drawn by pptxgenjs alone,
// with the same right-to-left options, and no templates, validation or post-processing.
//   node scripts/bench-bare.mjs N out.pptx      (a cold process, as the CLI is timed)
//   import { drawBare } from './bench-bare.mjs' (in one warm process)
// pptxgenjs stores its parts uncompressed by default; drawBare(n, { compression: true }) has
// JSZip compress them, for a package of the kind mujaz writes (shown for comparison only).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import PptxGenJS from 'pptxgenjs';

/** The bytes of an N-slide deck, drawn by pptxgenjs alone. */
export async function drawBare(n, { compression = false } = {}) {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.rtlMode = true;
  const ar = (extra = {}) => ({ rtlMode: true, lang: 'ar-SA', align: 'right', fontFace: 'Amiri', color: '1F2937', ...extra });
  pptx.defineSlideMaster({ title: 'M', objects: [{ placeholder: { options: { name: 'title', type: 'title', x: 0.6, y: 0.3, w: 12.1, h: 0.95, ...ar({ fontSize: 30, bold: true }) }, text: '' } }], slideNumber: { x: 0.6, y: 6.9, w: 0.8, h: 0.4 } });
  for (let i = 1; i <= n; i++) {
    pptx.addSection({ title: `المحور ${i}` });
    const slide = pptx.addSlide({ masterName: 'M', sectionTitle: `المحور ${i}` });
    slide.addText(`المحور ${i}: انضمام سوريا إلى التحالف الدولي`, { placeholder: 'title', ...ar({ fontSize: 30, bold: true }) });
    const points = ['تعتزم الحكومة السورية الانضمام إلى التحالف الدولي لمكافحة الإرهاب (FFIS)', 'يضم التحالف اليوم 89 عضواً من بينها دول أوروبية وعربية', 'ستكون سوريا العضو رقم 90 في التحالف'];
    slide.addText(points.map((text) => ({ text, options: ar({ bullet: { indent: 22 }, breakLine: true, fontSize: 24 }) })), { x: 0.6, y: 1.6, w: 12.1, h: 4.9, ...ar({ fontSize: 24 }), valign: 'top' });
    slide.addNotes(`ملاحظات المتحدث لهذا المحور.`);
  }
  // (write() ignores `compression` when given an outputType; stream() honours it, as a Buffer.)
  return compression ? pptx.stream({ compression: true }) : pptx.write({ outputType: 'nodebuffer' });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(process.argv[3] ?? 'bare.pptx', await drawBare(Number(process.argv[2] ?? 10)));
}
