/**
 * A sample of hostile input through the real command (node dist/bin/mujaz.js, built by `npm test`):
 * what the author sees on stderr, the exit code, and that the last good deck survives. Then
 * damaged files given to diff, and two builds at once into one output folder.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, replaceOnce, tempProject } from '../helpers/project.js';

const CLI = path.join(REPO, 'dist/bin/mujaz.js');

/** The command run from `cwd` (a user in their project folder, by default where the tests run). */
function mujaz(args: string[], cwd?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function mujazAsync(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/bin/mujaz.js is missing: run `npm run build` (npm test does it first)');
});

interface Mistake {
  name: string;
  file: string;
  edit: (text: string) => string | Buffer;
  /** file:line:column: error CODE at the start of a line of stderr */
  expect: RegExp;
}

const MISTAKES: Mistake[] = [
  {
    name: 'a YAML syntax error',
    file: 'content/facts.yaml',
    edit: (t) => replaceOnce(t, '    label: "عدد أعضاء التحالف"', '    label: "عدد أعضاء التحالف'),
    expect: /^content\/facts\.yaml:\d+:\d+: error MJZ100: /m,
  },
  {
    name: 'a misspelt key',
    file: 'content/article.yaml',
    edit: (t) => replaceOnce(t, '    heading: "حلّ متوقع', '    headng: "حلّ متوقع'),
    expect: /^content\/article\.yaml:\d+:5: error MJZ110: Unknown key "headng"/m,
  },
  {
    name: 'an unknown fact reference',
    file: 'content/article.yaml',
    edit: (t) => replaceOnce(t, '[[coalition.members]] عضواً، منها', '[[coalition.member]] عضواً، منها'),
    expect: /^content\/article\.yaml:\d+:\d+: error MJZ131: Unknown fact \[\[coalition\.member\]\]/m,
  },
  {
    name: 'bytes that are not UTF-8',
    file: 'content/sources.yaml',
    edit: (t) => Buffer.concat([Buffer.from(t), Buffer.from('note: caf'), Buffer.from([0xe9, 0x0a])]),
    expect: /^content\/sources\.yaml:\d+:\d+: error MJZ103: /m,
  },
  {
    name: 'an alias bomb',
    file: 'content/facts.yaml',
    edit: (t) => {
      let bomb = 'a0: &a0 [x, x, x, x, x, x, x, x, x]\n';
      for (let i = 1; i < 10; i++) bomb += `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
      return bomb + t;
    },
    expect: /^content\/facts\.yaml:2:\d+: error MJZ101: Aliases expand to too many values/m,
  },
  {
    name: 'a template reaching for a prototype',
    file: 'templates/_shared/partials/part-slide.hbs',
    edit: (t) => replaceOnce(t, '"{{heading}}"', '"{{constructor.constructor}}"'),
    expect: /^templates\/_shared\/partials\/part-slide\.hbs:\d+:\d+: error MJZ166: .*\(audience: briefing\)$/m,
  },
  {
    name: 'an unknown slide kind, found in the spec a template produced',
    file: 'templates/_shared/partials/part-slide.hbs',
    edit: (t) => replaceOnce(t, '  - kind: bullets', '  - kind: bulets'),
    expect: /^templates\/_shared\/partials\/part-slide\.hbs:2:11: error MJZ111: Unknown kind "bulets".*\(audience: briefing\)$/m,
  },
  {
    name: 'a member citing a source the dataset does not list',
    file: 'content/data/coalition-members.yaml',
    edit: (t) => t.slice(0, t.indexOf('- en: Togo')) + replaceOnce(t.slice(t.indexOf('- en: Togo')), '  - S26', '  - S62'),
    expect: /^content\/data\/coalition-members\.yaml:\d+:5: error MJZ130: Unknown source "S62" for the member "Togo"[^\n]*\n[\s\S]*?\n {2}hint: Did you mean "S26"\?/m,
  },
  {
    name: 'a mistyped group in the dataset',
    file: 'content/data/coalition-members.yaml',
    edit: (t) => t.slice(0, t.indexOf('- en: Togo')) + replaceOnce(t.slice(t.indexOf('- en: Togo')), 'group: africa', 'group: afrika'),
    expect: /^content\/data\/coalition-members\.yaml:\d+:10: error MJZ142: Unknown group "afrika" for the member "Togo"; did you mean "africa"\?$/m,
  },
  {
    name: 'a block never closed',
    file: 'templates/briefing/deck.hbs',
    edit: (t) => replaceOnce(t, '{{/with}}\n{{> composition-chart}}', '{{> composition-chart}}'),
    expect: /^templates\/briefing\/deck\.hbs:\d+:\d+: error MJZ160: The template ends inside \{\{#with\}\}/m,
  },
];

describe('mistakes through the command line', () => {
  it('each is reported with file:line:column, a code frame and a hint, without a stack, exit 1, and the last good deck is kept', { timeout: 120_000 }, async () => {
    const root = await tempProject();
    const first = mujaz(['build', '--root', root]);
    expect(first.code, first.stderr).toBe(0);
    const deckPath = path.join(root, 'output/briefing.pptx');
    const manifestPath = path.join(root, 'output/briefing.manifest.json');
    const good = await readFile(deckPath);
    const goodManifest = await readFile(manifestPath);
    for (const mistake of MISTAKES) {
      const file = path.join(root, mistake.file);
      const original = await readFile(file, 'utf8');
      await writeFile(file, mistake.edit(original));
      const r = mujaz(['build'], root);
      await writeFile(file, original);
      const context = `${mistake.name}:\n${r.stderr}`;
      expect(r.code, context).toBe(1);
      expect(r.stdout, context).toBe('');
      expect(r.stderr, context).toMatch(mistake.expect);
      expect(r.stderr, context).toMatch(/\n> +\d+ \| .*\n +\| *\^/); // the code frame with its caret
      expect(r.stderr, context).toMatch(/\n {2}hint: \S/);
      expect(r.stderr, context).not.toMatch(/\n\s+at \S/); // no stack trace
      expect(r.stderr, context).not.toMatch(/internal error|MJZ900/i);
      expect(r.stderr, context).toContain('✗ briefing: not built; the previous deck, if any, is unchanged');
      expect((await readFile(deckPath)).equals(good), `${mistake.name}: the deck changed`).toBe(true);
      expect((await readFile(manifestPath)).equals(goodManifest), `${mistake.name}: the manifest changed`).toBe(true);
    }
    expect((await readdir(path.join(root, 'output'))).sort()).toEqual(['briefing.manifest.json', 'briefing.pptx']);
  });

  it('a member deleted from the list: check --strict fails at the count of the growth chart, and says which to correct', { timeout: 30_000 }, async () => {
    const root = await tempProject();
    const file = path.join(root, 'content/data/coalition-members.yaml');
    const text = await readFile(file, 'utf8');
    const togo = text.indexOf('- en: Togo');
    const edited = text.slice(0, togo) + text.slice(text.indexOf('\n- en:', togo) + 1);
    await writeFile(file, edited);
    const line = edited.slice(0, edited.indexOf('  members: 89\n  note: + two unidentified members')).split('\n').length;
    const r = mujaz(['check', '--all', '--strict'], root);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^content/data/coalition-members\\.yaml:${line}:12: warning MJZ140: The growth chart's last yearly bar \\(before any member that joined after the article\\) is this count, 89 members \\(2025-11 \\(early\\), source S28\\), but the member list gives 88 by the article's date`, 'm'));
    expect(r.stderr).toMatch(/\n {2}hint: The list is one member short of this count\. If S28 does say 89, correct the list/);
    // without --strict it is a warning: the deck is still checked good
    expect(mujaz(['check', '--all', '--root', root]).code).toBe(0);
  });

  it('a BOM and Windows line endings build like any file', { timeout: 30_000 }, async () => {
    const root = await tempProject();
    for (const rel of ['content/article.yaml', 'content/facts.yaml', 'templates/briefing/deck.hbs']) {
      const file = path.join(root, rel);
      await writeFile(file, `\uFEFF${(await readFile(file, 'utf8')).replace(/\n/g, '\r\n')}`);
    }
    const r = mujaz(['build', '--root', root]);
    expect(r.code, r.stderr).toBe(0);
  });
});

describe('damaged files given to diff', () => {
  /** The offset of a zip entry's data, from its local header (name and extra field lengths). */
  function entryData(zip: Buffer, name: string): number {
    const header = zip.lastIndexOf(Buffer.from('PK\x03\x04', 'latin1'), zip.indexOf(name));
    expect(zip.toString('latin1', header + 30, header + 30 + name.length)).toBe(name);
    return header + 30 + zip.readUInt16LE(header + 26) + zip.readUInt16LE(header + 28);
  }

  it('exit 2 with "cannot read FILE: why; what to do", never an internal error', { timeout: 60_000 }, async () => {
    const root = await tempProject();
    const built = mujaz(['build', '--root', root]);
    expect(built.code, built.stderr).toBe(0);
    const deck = await readFile(path.join(root, 'output/briefing.pptx'));
    const manifest = JSON.parse(await readFile(path.join(root, 'output/briefing.manifest.json'), 'utf8')) as Record<string, unknown>;
    const flipped = Buffer.from(deck);
    const data = entryData(flipped, 'docProps/custom.xml');
    for (let i = 0; i < 8; i++) flipped[data + 4 + i * 3]! ^= 0xff;
    const scattered = Buffer.from(deck);
    for (let i = 1000; i < scattered.length - 1000; i += 997) scattered[i]! ^= 0xff;
    const embedded = await JSZip.loadAsync(deck);
    const custom = await embedded.file('docProps/custom.xml')!.async('string');
    embedded.file('docProps/custom.xml', replaceOnce(custom, '"slides":[', '"slides":null,"was":['));
    const cases: { name: string; bytes: Buffer | string; expect: RegExp }[] = [
      { name: 'truncated.pptx', bytes: deck.subarray(0, 30_000), expect: /the \.pptx is damaged \(Corrupted zip/ },
      { name: 'flipped.pptx', bytes: flipped, expect: /the \.pptx is damaged/ },
      // (bytes flipped all through: where they fall decides whether the zip or its manifest entry is what is lost)
      { name: 'scattered.pptx', bytes: scattered, expect: /the \.pptx is damaged|it was not built by mujaz \(it carries no manifest\)/ },
      { name: 'embedded.pptx', bytes: Buffer.from(await embedded.generateAsync({ type: 'uint8array' })), expect: /the manifest inside the \.pptx is damaged or incomplete: slides: expected array, received null/ },
      { name: 'bare.manifest.json', bytes: '{"mujaz":1}', expect: /the manifest is damaged or incomplete: audience is missing \(expected string\)/ },
      { name: 'slides.manifest.json', bytes: JSON.stringify({ ...manifest, slides: null }), expect: /the manifest is damaged or incomplete: slides: expected array, received null;/ },
      { name: 'facts.manifest.json', bytes: JSON.stringify({ ...manifest, facts: null }), expect: /the manifest is damaged or incomplete: facts: expected record, received null;/ },
      {
        name: 'slide-fact.manifest.json',
        bytes: JSON.stringify({ ...manifest, slides: (manifest.slides as { facts: unknown }[]).map((s, i) => (i === 2 ? { ...s, facts: { 'coalition.members': { value: null } } } : s)) }),
        expect: /slides\[2\]\.facts\["coalition\.members"\]\.value: /,
      },
      { name: 'array.manifest.json', bytes: '[]', expect: /it is not a mujaz manifest/ },
      { name: 'future.manifest.json', bytes: JSON.stringify({ ...manifest, mujaz: 2 }), expect: /a manifest of format 2, and this mujaz reads format 1/ },
    ];
    for (const c of cases) {
      const file = path.join(root, c.name);
      await writeFile(file, c.bytes);
      for (const args of [[file, path.join(root, 'output/briefing.pptx')], [path.join(root, 'output/briefing.manifest.json'), file]]) {
        const r = mujaz(['diff', ...args]);
        const context = `${c.name}:\n${r.stderr}`;
        expect(r.code, context).toBe(2);
        expect(r.stdout, context).toBe('');
        expect(r.stderr, context).toMatch(new RegExp(`^error: cannot read ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: [^;\n]+; \\S[^\\n]*\\n$`));
        expect(r.stderr, context).toMatch(c.expect);
        expect(r.stderr, context).not.toMatch(/internal error|\n\s+at \S/);
      }
    }
  });
});

describe('two builds at once', () => {
  async function reference(root: string, out: string): Promise<Buffer> {
    const r = mujaz(['build', '--root', root, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    return readFile(path.join(out, 'briefing.pptx'));
  }

  async function expectValidDeck(bytes: Buffer): Promise<void> {
    const zip = await JSZip.loadAsync(bytes);
    expect(zip.file('[Content_Types].xml')).not.toBeNull();
    expect(zip.file('ppt/presentation.xml')).not.toBeNull();
  }

  it('on the same root and output folder, round after round, leave a whole deck equal to the build', { timeout: 120_000 }, async () => {
    const root = await tempProject();
    const out = path.join(root, 'shared');
    const expected = await reference(root, path.join(root, 'reference'));
    for (let round = 0; round < 4; round++) {
      const results = await Promise.all([mujazAsync(['build', '--root', root, '--out', out]), mujazAsync(['build', '--root', root, '--out', out])]);
      for (const r of results) expect(r.code, r.stderr).toBe(0);
      const deck = await readFile(path.join(out, 'briefing.pptx'));
      await expectValidDeck(deck);
      expect(deck.equals(expected), `round ${round}`).toBe(true);
    }
    expect((await readdir(out)).sort()).toEqual(['briefing.manifest.json', 'briefing.pptx']); // no temporary file left behind
  });

  it('of two different projects into one output folder leave one build or the other, never a mix', { timeout: 120_000 }, async () => {
    const a = await tempProject();
    const b = await tempProject();
    const facts = path.join(b, 'content/facts.yaml');
    await writeFile(facts, replaceOnce(await readFile(facts, 'utf8'), 'value: 28', 'value: 29'));
    const [deckA, deckB] = await Promise.all([reference(a, path.join(a, 'reference')), reference(b, path.join(b, 'reference'))]);
    expect(deckA.equals(deckB)).toBe(false);
    const out = path.join(a, 'shared');
    for (let round = 0; round < 4; round++) {
      const results = await Promise.all([mujazAsync(['build', '--root', a, '--out', out]), mujazAsync(['build', '--root', b, '--out', out])]);
      for (const r of results) expect(r.code, r.stderr).toBe(0);
      const deck = await readFile(path.join(out, 'briefing.pptx'));
      await expectValidDeck(deck);
      expect(deck.equals(deckA) || deck.equals(deckB), `round ${round}: the deck is neither build`).toBe(true);
    }
    expect((await readdir(out)).sort()).toEqual(['briefing.manifest.json', 'briefing.pptx']);
  });

  it('a failing build running beside a good one never touches the deck', { timeout: 60_000 }, async () => {
    const good = await tempProject();
    const bad = await tempProject();
    const facts = path.join(bad, 'content/facts.yaml');
    await writeFile(facts, replaceOnce(await readFile(facts, 'utf8'), '    type: year', '    type: yaer'));
    const out = path.join(good, 'shared');
    const expected = await reference(good, out);
    const [ok, failed] = await Promise.all([mujazAsync(['build', '--root', good, '--out', out]), mujazAsync(['build', '--root', bad, '--out', out])]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(failed.code).toBe(1);
    expect((await readFile(path.join(out, 'briefing.pptx'))).equals(expected)).toBe(true);
  });
});
