import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { replaceOnce, tempProject } from './project.js';

/** A title too long for one line of the title box at 30 pt, in any face. */
export const LONG_TITLE = 'انضمام سوريا إلى التحالف الدولي لمكافحة الإرهاب وما يعنيه للمنطقة وللعراق وللولايات المتحدة';

/**
 * A copy of the project whose briefing deck is set in two faces much wider than Amiri
 * (Lemonada headings, DejaVu Sans body), with one slide added after the agenda: LONG_TITLE over
 * a callout showing a worded figure («أكثر من 1,100»), and a long article title on the title
 * slide. Returns the project's root.
 */
export async function wideFontProject(): Promise<string> {
  const root = await tempProject();
  const theme = path.join(root, 'templates/briefing/theme.yaml');
  await writeFile(theme, (await readFile(theme, 'utf8')).replace(/\nfonts:[^\n]*(\n  [^\n]*)*/, '\nfonts: { heading: Lemonada, body: DejaVu Sans }'));
  const deck = path.join(root, 'templates/briefing/deck.hbs');
  const slide = `  - kind: bullets\n    title: "${LONG_TITLE}"\n    bullets: ["نص قصير"]\n    callout: { value: "{{fact "ffis.projects" qualifier=true}}", label: "{{factLabel "ffis.projects"}}" }\n`;
  await writeFile(deck, replaceOnce(await readFile(deck, 'utf8'), '{{> agenda}}\n', `{{> agenda}}\n${slide}`));
  // an article title three lines long at the title slide's size in Lemonada
  const article = path.join(root, 'content/article.yaml');
  await writeFile(article, replaceOnce(await readFile(article, 'utf8'), 'title: "انضمام سوريا للتحالف الدولي لمكافحة الإرهاب"', 'title: "انضمام سوريا للتحالف الدولي لمكافحة الإرهاب: ما يعنيه للحكومة السورية وللعراق وللولايات المتحدة"'));
  return root;
}
