import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFileSync, writeFileSync } from 'node:fs';
import { REPO, replaceOnce, tempProject } from './helpers/project.js';
import { unzipXml } from './helpers/pptx.js';
import { run } from './hostile/harness.js';

describe('documentation', () => {
  it('runs the library example as written', () => {
    const r = spawnSync(process.execPath, [path.join(REPO, 'docs/examples/build-from-code.mjs'), 'briefing'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { file: string; slides: number; bytes: number };
    expect(out.slides).toBeGreaterThanOrEqual(12);
    expect(readFileSync(out.file).subarray(0, 2).toString()).toBe('PK');
  });

  it('the guide names every field of the data for charts (@root.data), as the context holds them', async () => {
    const { result } = await run({});
    const guide = readFileSync(path.join(REPO, 'docs/authors-guide.md'), 'utf8');
    const section = guide.slice(guide.indexOf('Data for charts'), guide.indexOf("The growth chart's last yearly bar"));
    const data = result.context!.data as unknown as Record<string, unknown>;
    expect(Object.keys(data).sort()).toEqual(['composition', 'growth', 'members']);
    for (const [name, value] of Object.entries(data)) {
      expect(section, name).toContain(`\`@root.data.${name}\``);
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        for (const field of Object.keys(value)) expect(section, `@root.data.${name}.${field}`).toContain(`\`${field}\``);
      }
    }
  });

  it('links only to files that exist', () => {
    for (const doc of ['README.md', 'docs/authors-guide.md']) {
      const text = readFileSync(path.join(REPO, doc), 'utf8');
      for (const m of text.matchAll(/\]\(((?:docs|src|templates|content|tests)\/[^)#\s]+)\)/g)) {
        expect(existsSync(path.resolve(REPO, m[1]!)), `${doc} → ${m[1]}`).toBe(true);
      }
    }
  });

  it('runs the README’s worked example of a new audience, as written', async () => {
    const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
    const block = (lang: string, first: string) => {
      const m = new RegExp('```' + lang + '\\n(' + first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '[\\s\\S]*?)```').exec(readme);
      if (!m) throw new Error(`README has no ${lang} block starting with ${first}`);
      return m[1]!;
    };
    const theme = block('yaml', '# templates/diplomats/theme.yaml');
    const deck = block('handlebars', '{{!-- templates/diplomats/deck.hbs');
    const root = await tempProject();
    const cli = (args: string[]) => spawnSync(process.execPath, [path.join(REPO, 'dist/bin/mujaz.js'), ...args, '--root', root], { encoding: 'utf8' });
    expect(cli(['new-audience', 'diplomats', '--extends', 'briefing']).status).toBe(0);
    expect(cli(['build', '--audience', 'diplomats']).status).toBe(0); // builds before any edit
    copyFileSync(path.join(REPO, 'tests/fixtures/logo.png'), path.join(root, 'templates/diplomats/logo.png')); // the README's logo
    writeFileSync(path.join(root, 'templates/diplomats/theme.yaml'), theme);
    writeFileSync(path.join(root, 'templates/diplomats/deck.hbs'), deck);
    const r = cli(['build', '--audience', 'diplomats']);
    expect(r.status, r.stderr).toBe(0);
    const parts = await unzipXml(readFileSync(path.join(root, 'output/diplomats.pptx')));
    expect(parts.get('ppt/slides/slide2.xml')).toContain('<a:t>٢</a:t>'); // Arabic-Indic slide numbers
    expect([...parts.keys()].some((n) => n.startsWith('ppt/slideLayouts/') && parts.get(n)!.includes('0B5D3B'))).toBe(true);
    expect([...parts.values()].some((x) => x.includes('للاستخدام الرسمي'))).toBe(true);
    expect(parts.get('ppt/slides/slide1.xml')).toMatch(/<p:pic>[\s\S]*descr="شعار الوزارة"/); // the logo, on the title slide
  });

  it('shows the error of a mistyped key as mujaz prints it (README and authors’ guide)', async () => {
    const root = await tempProject();
    const facts = path.join(root, 'content/facts.yaml');
    writeFileSync(facts, replaceOnce(readFileSync(facts, 'utf8'), '  ffis.locations:\n    label:', '  ffis.locations:\n    lable:'));
    const r = spawnSync(process.execPath, [path.join(REPO, 'dist/bin/mujaz.js'), 'check'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status).toBe(1);
    const printed = r.stderr.split('\n');
    for (const doc of ['README.md', 'docs/authors-guide.md']) {
      const shown = /```\n(content\/facts\.yaml:\d+:\d+: error MJZ110[\s\S]*?)```/.exec(readFileSync(path.join(REPO, doc), 'utf8'));
      expect(shown, `${doc} shows the error`).not.toBeNull();
      const lines = shown![1]!.trimEnd().split('\n');
      expect(printed[0], doc).toBe(lines[0]); // the place, the code and the message
      // the frame (the guide shows part of it) and the hint, in the printed order
      let at = 0;
      for (const line of lines.slice(1)) {
        const found = printed.indexOf(line, at);
        expect(found, `${doc}: ${line}`).toBeGreaterThan(0);
        at = found + 1;
      }
    }
  });
});
