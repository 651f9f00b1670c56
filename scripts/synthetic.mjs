// The benchmark's synthetic project: the shipped content/ with an outline of `n` parts, each a
// bullet slide of the audience "bench" (the briefing's theme), and of the shipped facts only the
// two its slides show (the others would each be a warning that no slide shows them: a project in
// need of a fix, not the one a user builds). Used by scripts/bench.mjs and by the tests that need
// a large deck (tests/helpers/project.ts).
import { cpSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The facts the outline below refers to. */
const SHOWN = ['coalition.members', 'syria.member_number'];

/** Writes the project into a new temporary folder and returns the folder. */
export function syntheticProject(n) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `mujaz-bench-${n}-`));
  cpSync(path.join(ROOT, 'content'), path.join(dir, 'content'), { recursive: true });
  const facts = parseDocument(readFileSync(path.join(dir, 'content/facts.yaml'), 'utf8'));
  for (const key of facts.get('facts').items.map((pair) => pair.key.value)) if (!SHOWN.includes(key)) facts.deleteIn(['facts', key]);
  writeFileSync(path.join(dir, 'content/facts.yaml'), facts.toString());
  const parts = Array.from({ length: n }, (_, i) => `  - id: "part-${i + 1}"
    heading: "المحور ${i + 1}: انضمام سوريا إلى التحالف الدولي"
    short: "المحور ${i + 1}"
    points:
      - text: "تعتزم الحكومة السورية الانضمام إلى التحالف الدولي لمكافحة الإرهاب (FFIS)"
        basis: ["تعتزم الحكومة السورية الانضمام إلى التحالف الدولي لمكافحة الإرهاب"]
      - text: "يضم التحالف اليوم [[coalition.members]] عضواً من بينها دول أوروبية وعربية"
        basis: ["ويضمّ في عضويته اليوم 89 عضواً"]
      - text: "ستكون سوريا العضو رقم [[syria.member_number]] في التحالف"
        basis: ["وبذلك ستكون سوريا العضو رقم 90 في التحالف"]
    notes: "ملاحظات المتحدث لهذا المحور."`);
  writeFileSync(path.join(dir, 'content/article.yaml'), `article:\n  title: "عنوان"\n  subtitle: "ماذا يعني؟"\n  date: "2025-11-03"\n  source: "A1"\n  text: "article.txt"\nparts:\n${parts.join('\n')}\n`);
  mkdirSync(path.join(dir, 'templates/bench'), { recursive: true });
  cpSync(path.join(ROOT, 'templates/briefing/theme.yaml'), path.join(dir, 'templates/bench/theme.yaml'));
  writeFileSync(
    path.join(dir, 'templates/bench/deck.hbs'),
    `deck:\n  title: "{{article.title}}"\n  date: "{{article.dateIso}}"\n  footer: "المصدر: {{source article.source}}"\nslides:\n{{#each parts}}\n  - kind: bullets\n    section: "{{short}}"\n    title: "{{heading}}"\n    bullets:\n{{#each points}}\n      - "{{this}}"\n{{/each}}\n    notes: "{{notes}}"\n{{/each}}\n`,
  );
  return dir;
}
