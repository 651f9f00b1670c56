import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, rename, rmdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, replaceOnce, tempProject } from '../helpers/project.js';
import { unzipXml, validatePptx } from '../helpers/pptx.js';
import { otherUser } from '../helpers/other-user.js';

/** The real command, as a user runs it (npm test builds dist/ first). */
const CLI = path.join(REPO, 'dist/bin/mujaz.js');
/** Who runs mujaz where a folder's permissions must refuse it (nobody, for root). */
const OTHER_USER = otherUser(CLI);

function mujaz(args: string[], cwd = REPO) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  // (stdout without the isolates the change report puts around its Arabic text: the manifest tests hold them)
  return { code: r.status, stdout: r.stdout.replace(/[\u2068\u2069]/g, ''), stderr: r.stderr };
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/bin/mujaz.js is missing: run `npm run build` (npm test does it first)');
});

describe('mujaz CLI', () => {
  it('prints help and version on stdout and exits 0', async () => {
    const help = mujaz(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: mujaz');
    expect(help.stdout).toContain('build');
    const buildHelp = mujaz(['build', '--help']);
    expect(buildHelp.stdout).toMatch(/--audience <name>[\s\S]*--root <dir>[\s\S]*--out <dir>[\s\S]*--emit/);
    const version = mujaz(['--version']);
    expect(version.code).toBe(0);
    const pkg = JSON.parse(await readFile(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
    expect(version.stdout.trim()).toBe(pkg.version);
  });

  it('runs as `npx mujaz`, as the README says', () => {
    const r = spawnSync('npx', ['--no-install', 'mujaz', '--version'], { cwd: REPO, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('exits 2 on a usage error', () => {
    expect(mujaz(['build', '--no-such-option']).code).toBe(2);
    expect(mujaz(['frobnicate']).code).toBe(2);
    expect(mujaz(['build', '--emit', 'pdf']).code).toBe(2);
    // two answers to "which decks": refused, not one of them silently chosen
    for (const command of ['build', 'check', 'watch', 'preview']) {
      const both = mujaz([command, '--audience', 'media', '--all']);
      expect(both.code, command).toBe(2);
      expect(both.stderr, command).toMatch(/'--all' cannot be used with option '-a, --audience <name>'/);
    }
    // an empty folder name would mean the current folder, without a word
    const empty = mujaz(['build', '--out', '']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/--out <dir>' argument '' is invalid\. name a folder/);
    expect(mujaz(['facts', '--root', '']).code).toBe(2);
    // several audiences after one -a: told to repeat it
    const several = mujaz(['build', '--audience', 'briefing', 'media']);
    expect(several.code).toBe(2);
    expect(several.stderr).toContain('(to name several audiences, give -a before each: -a briefing -a media; or --all for every one)');
    expect(mujaz(['diff', 'a', 'b', 'c']).stderr).not.toContain('several audiences');
  });

  it('builds the deck into <root>/output, and the spec with --emit spec (taken away by a build without it)', async () => {
    const root = await tempProject();
    const r = mujaz(['build', '--root', root, '--emit', 'spec']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/briefing: \d+ slides/);
    const deck = await readFile(path.join(root, 'output/briefing.pptx'));
    expect(deck.subarray(0, 2).toString()).toBe('PK');
    expect(validatePptx(deck).code).toBe(0);
    const spec = JSON.parse(await readFile(path.join(root, 'output/briefing.spec.json'), 'utf8')) as { slides: unknown[] };
    expect(spec.slides.length).toBeGreaterThanOrEqual(12);
    // a later build without --emit spec takes away the spec, which would no longer match its deck;
    // another audience's is not touched
    await writeFile(path.join(root, 'output/media.spec.json'), '{}\n');
    expect(mujaz(['build', '--root', root]).code).toBe(0);
    expect(existsSync(path.join(root, 'output/briefing.spec.json'))).toBe(false);
    expect(existsSync(path.join(root, 'output/briefing.pptx'))).toBe(true);
    expect(existsSync(path.join(root, 'output/media.spec.json'))).toBe(true);
  });

  it('writes the same bytes in two processes', async () => {
    const root = await tempProject();
    expect(mujaz(['build', '--root', root, '--out', 'a'], root).code).toBe(0);
    expect(mujaz(['build', '--root', root, '--out', 'b'], root).code).toBe(0);
    const [a, b] = await Promise.all([readFile(path.join(root, 'a/briefing.pptx')), readFile(path.join(root, 'b/briefing.pptx'))]);
    expect(a.equals(b)).toBe(true);
  });

  it('writes to --out, relative to the current folder (not to --root)', async () => {
    const root = await tempProject();
    const here = await mkdtemp(path.join(os.tmpdir(), 'mujaz-cwd-'));
    const r = mujaz(['build', '--root', root, '--out', 'decks'], here);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(path.join(here, 'decks/briefing.pptx'))).toBe(true);
    expect(existsSync(path.join(root, 'decks'))).toBe(false);
  });

  it('says --strict is why a deck with warnings alone was not built', async () => {
    const root = await tempProject();
    const facts = path.join(root, 'content/facts.yaml');
    await writeFile(facts, `${await readFile(facts, 'utf8')}  test.unused: { label: "اختبار", stated: { value: 1, source: A1 } }\n`);
    const plain = mujaz(['build', '--root', root, '--out', 'a'], root);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stderr).toContain('MJZ143');
    const strict = mujaz(['build', '--strict', '--root', root, '--out', 'b'], root);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('briefing: not built (--strict counts its warnings as errors); the previous deck, if any, is unchanged');
    const checked = mujaz(['check', '--strict', '--root', root], root);
    expect(checked.code).toBe(1);
    expect(checked.stderr).toMatch(/0 error\(s\), \d+ warning\(s\) \(--strict counts warnings as errors\)/);
  });

  it('says what is wrong with the folder --root names: missing, a file, no project, no audience', async () => {
    const here = await mkdtemp(path.join(os.tmpdir(), 'mujaz-roots-'));
    await writeFile(path.join(here, 'notes.txt'), 'x');
    await mkdir(path.join(here, 'photos'));
    await mkdir(path.join(here, 'bare/content'), { recursive: true });
    await mkdir(path.join(here, 'bare/templates'));
    await mkdir(path.join(here, 'proj/content/data'), { recursive: true });
    await mkdir(path.join(here, 'proj/templates'));
    for (const folder of ['home/content', 'home/templates', 'home/Documents/newdeck']) await mkdir(path.join(here, folder), { recursive: true });
    const cases: [string[], RegExp][] = [
      [['build', '--root', 'nosuch'], /^nosuch: error MJZ123: The project folder does not exist$/m],
      [['build', '--root', 'notes.txt'], /^notes\.txt: error MJZ123: The project folder is a file, not a folder$/m],
      [['check', '--all', '--root', 'photos'], /^photos: error MJZ123: Not a mujaz project: the folder has neither content\/ nor templates\/\n {2}hint: .*`mujaz init photos`/m],
      // a folder of a project, not the project: no advice to start another project inside it
      [['build', '--root', 'proj/content/data'], /^proj\/content\/data: error MJZ123: This folder is inside a project, not a project itself\n {2}hint: Give --root proj, the folder that holds content\/ and templates\/\.$/m],
      // a folder that merely has content/ and templates/ further up (a home folder) is no project of it
      [['build', '--root', 'home/Documents/newdeck'], /^home\/Documents\/newdeck: error MJZ123: Not a mujaz project: the folder has neither content\/ nor templates\/\n {2}hint: .*`mujaz init home\/Documents\/newdeck`\.$/m],
      [['audiences', '--root', 'notes.txt'], /^notes\.txt: error MJZ123: The project folder is a file, not a folder$/m],
      [['new-audience', 'x', '--from', 'briefing', '--root', 'nosuch'], /^nosuch: error MJZ123: The project folder does not exist$/m],
      [['build', '--all', '--root', 'bare'], /^bare\/templates: error MJZ150: No audience to build: templates\/ has no audience folder\n {2}hint: .*`mujaz init NEW-FOLDER`/m],
    ];
    for (const [args, expected] of cases) {
      const r = mujaz(args, here);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(expected);
      // that one problem, not a missing file for every file a project holds nor an unreadable templates/
      expect(r.stderr.match(/error MJZ/g), r.stderr).toHaveLength(args.includes('bare') ? 4 : 1);
      expect(r.stderr).not.toMatch(/Unknown audience|MJZ121/);
    }
    // from the folder itself: "." and `mujaz init .`
    const itself = mujaz(['build'], path.join(here, 'photos'));
    expect(itself.stderr).toMatch(/^\.: error MJZ123: Not a mujaz project[^\n]*\n {2}hint: .*`mujaz init \.`\.$/m);
    const inside = mujaz(['build'], path.join(here, 'proj/content'));
    expect(inside.stderr).toMatch(/^\.: error MJZ123: This folder is inside a project, not a project itself\n {2}hint: Give --root \.\., /m);
    // one problem however many audiences are asked for
    const several = mujaz(['build', '--root', 'bare', '-a', 'briefing', '-a', 'media', '-a', 'security'], here);
    expect(several.stderr.match(/error MJZ150/g), several.stderr).toHaveLength(1);
    expect(several.stderr).toMatch(/✗ briefing: not built[\s\S]*✗ media: not built[\s\S]*✗ security: not built/);
    const empty = mujaz(['build', '-a', '']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain("option '-a, --audience <name>' argument '' is invalid. name an audience");
  });

  it('names files from the folder it runs in, as an editor opens them, whatever --root is', async () => {
    const root = await tempProject();
    const listed = mujaz(['facts', '--root', path.basename(root)], path.dirname(root));
    expect(listed.stdout).toMatch(new RegExp(`^coalition\\.members = 89 .*; ${path.basename(root)}/content/facts\\.yaml:\\d+\\]$`, 'm'));
    const facts = path.join(root, 'content/facts.yaml');
    await writeFile(facts, (await readFile(facts, 'utf8')).replace('label: "عدد أعضاء التحالف"', 'label: "عدد أعضاء التحالف'));
    const shown = path.relative(path.dirname(root), facts);
    const r = mujaz(['build', '--root', path.basename(root)], path.dirname(root));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^${shown.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+:\\d+: error MJZ100: `, 'm'));
    expect(mujaz(['build'], root).stderr).toMatch(/^content\/facts\.yaml:\d+:\d+: error MJZ100: /m);
  });

  it('names the known audiences when asked for an unknown one, and exits 1', () => {
    const r = mujaz(['build', '--audience', 'breifing', '--out', '/tmp/mujaz-never']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Unknown audience "breifing"');
    expect(r.stderr).toContain('Did you mean "briefing"?');
    expect(existsSync('/tmp/mujaz-never/breifing.pptx')).toBe(false);
  });

  it('reports bad input with file:line:column and keeps the last good deck', async () => {
    const root = await tempProject();
    expect(mujaz(['build', '--root', root]).code).toBe(0);
    const deckPath = path.join(root, 'output/briefing.pptx');
    const good = await readFile(deckPath);
    const facts = path.join(root, 'content/facts.yaml');
    await writeFile(facts, replaceOnce(await readFile(facts, 'utf8'), '    label: "مواقع المشاريع في العراق"', '    lable: "مواقع المشاريع في العراق"'));
    const r = mujaz(['build', '--root', root]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/content\/facts\.yaml:\d+:5: error MJZ110: Unknown key "lable"/);
    expect(r.stderr).toContain('hint: Did you mean "label"?');
    expect(r.stderr).toContain('> ');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace for a user error
    expect(await readFile(deckPath)).toEqual(good);
  });

  it('lists the audiences with their descriptions', async () => {
    const r = mujaz(['audiences']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^briefing\s+إحاطة تحليلية كاملة — The full analysis/m);
    const json = JSON.parse(mujaz(['audiences', '--json']).stdout) as { name: string; valid: boolean }[];
    expect(json.find((a) => a.name === 'briefing')).toMatchObject({ valid: true });
    // a folder that is no project: said, exit 1 (it printed nothing and exited 0)
    const none = mujaz(['audiences', '--root', os.tmpdir()]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/error MJZ123: Not a mujaz project/);
    // a project whose templates/ holds no audience: said likewise
    const root = await mkdtemp(path.join(os.tmpdir(), 'mujaz-no-audience-'));
    await mkdir(path.join(root, 'templates'));
    const empty = mujaz(['audiences', '--root', root]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/^error: no audiences in .*templates\/ \(each is a folder there with its theme\.yaml\)/);
  });

  it('adds an audience with no code: a copy, a changed theme, a deck', async () => {
    const root = await tempProject();
    const made = mujaz(['new-audience', 'diplomats', '--from', 'briefing', '--root', root]);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stderr).toContain('edit its theme.yaml (first its label, still that of briefing)');
    // the copy still names the briefing's readers on its title slide: both builds say so; -a twice builds both
    const copied = mujaz(['build', '-a', 'diplomats', '-a', 'briefing', '--root', root]);
    expect(copied.code, copied.stderr).toBe(0);
    expect(copied.stderr).toMatch(/templates\/diplomats\/theme\.yaml:\d+:8: warning MJZ156: The audiences "diplomats" and "briefing" have the same label \("إحاطة تحليلية كاملة"\)/);
    expect(copied.stderr).toMatch(/templates\/briefing\/theme\.yaml:\d+:8: warning MJZ156: The audiences "briefing" and "diplomats"/);
    expect(copied.stderr).toMatch(/✓ diplomats: \d+ slides[\s\S]*✓ briefing: \d+ slides/);
    const theme = path.join(root, 'templates/diplomats/theme.yaml');
    let text = await readFile(theme, 'utf8');
    text = replaceOnce(text, 'digits: western', 'digits: arabic-indic');
    text = replaceOnce(text, 'primary: "17324D"', 'primary: "0B5D3B"');
    text = replaceOnce(text, 'label: "إحاطة تحليلية كاملة"', 'label: "إحاطة دبلوماسية"');
    await writeFile(theme, text);
    expect(mujaz(['audiences', '--root', root]).stdout).toMatch(/^diplomats\s+إحاطة دبلوماسية/m);
    const r = mujaz(['build', '--audience', 'diplomats', '--root', root]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('MJZ156');
    const listed = JSON.parse(mujaz(['audiences', '--json', '--root', root]).stdout) as { name: string; valid: boolean }[];
    expect(listed.filter((a) => !a.valid)).toEqual([]);
    const bytes = await readFile(path.join(root, 'output/diplomats.pptx'));
    const parts = await unzipXml(bytes);
    expect([...parts].filter(([name, xml]) => name.startsWith('ppt/slideLayouts/') && xml.includes('0B5D3B')).length).toBeGreaterThan(0);
    expect(parts.get('ppt/slides/slide2.xml')).toContain('<a:t>٢</a:t>'); // the slide number, in Arabic-Indic digits
    expect(parts.get('ppt/slides/slide3.xml')).toContain('٨٩');
    expect(validatePptx(bytes).code).toBe(0);
    // the copy refuses to overwrite, and a bad name is explained
    expect(mujaz(['new-audience', 'diplomats', '--from', 'briefing', '--root', root]).stderr).toContain('already exists');
    expect(mujaz(['new-audience', 'Bad Name', '--from', 'briefing', '--root', root]).code).toBe(1);
  });

  it.skipIf(!OTHER_USER)('new-audience in a templates/ it may not write to: exit 1 with MJZ153 "permission denied", nothing left', async () => {
    const root = await tempProject();
    await chmod(root, 0o755);
    await chmod(path.join(root, 'templates'), 0o555);
    for (const how of ['--from', '--extends']) {
      const r = spawnSync(process.execPath, [CLI, 'new-audience', 'diplomats', how, 'briefing', '--root', root], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, ...OTHER_USER });
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toContain(`${path.join(root, 'templates/diplomats')}: error MJZ153: Cannot make the folder templates/diplomats: permission denied`);
      expect(r.stderr).not.toContain('internal error');
      expect(existsSync(path.join(root, 'templates/diplomats'))).toBe(false);
    }
  });

  it.skipIf(!OTHER_USER)('a folder or a file it may not read: one MJZ121 per cause, "permission denied", and no follow-on "missing file"', async () => {
    const root = await tempProject();
    await chmod(root, 0o755);
    const check = (...args: string[]) => spawnSync(process.execPath, [CLI, 'check', '--root', root, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, ...OTHER_USER });
    const errorLines = (stderr: string) => stderr.split('\n').filter((line) => / error MJZ\d+/.test(line)).map((line) => line.replace(`${root}/`, ''));
    for (const [locked, args, expected] of [
      ['content', [], 'content: error MJZ121: Cannot read the folder content: permission denied'],
      ['content/data', [], 'content/data: error MJZ121: Cannot read the folder content/data: permission denied'],
      ['content/sources.yaml', [], 'content/sources.yaml: error MJZ121: Cannot read content/sources.yaml: permission denied'],
      // the audiences that extend the briefing are not said to extend "no audience"
      ['templates/briefing', ['--all'], 'templates/briefing: error MJZ121: Cannot read the folder templates/briefing: permission denied'],
      ['templates/_shared/partials', ['--all'], 'templates/_shared/partials: error MJZ121: Cannot read the folder templates/_shared/partials: permission denied'],
    ] as const) {
      await chmod(path.join(root, locked), 0o000);
      const r = check(...args);
      await chmod(path.join(root, locked), locked.endsWith('.yaml') ? 0o644 : 0o755);
      expect(r.status, r.stderr).toBe(1);
      expect(errorLines(r.stderr), locked).toEqual([expected]);
      expect(r.stderr).toMatch(/: 1 error\(s\), 0 warning\(s\)/);
    }
  });

  it('tells a label two audiences share only between audiences that build', async () => {
    const root = await tempProject();
    expect(mujaz(['new-audience', 'dip', '--from', 'briefing', '--root', root]).code).toBe(0);
    // a warning: `audiences` lists both as valid and exits 0, and both decks build
    const listed = mujaz(['audiences', '--json', '--root', root]);
    expect(listed.code, listed.stderr).toBe(0);
    expect((JSON.parse(listed.stdout) as { name: string; valid: boolean }[]).filter((a) => ['briefing', 'dip'].includes(a.name)).map((a) => a.valid)).toEqual([true, true]);
    expect(listed.stderr.match(/warning MJZ156/g)).toHaveLength(2);
    // a copy that cannot build claims no readers: the briefing is not told
    const theme = path.join(root, 'templates/dip/theme.yaml');
    const text = await readFile(theme, 'utf8');
    for (const broken of [`extends: nosuch\n${text}`, `${text}\nbogus: 1\n`]) {
      await writeFile(theme, broken);
      const r = mujaz(['build', '-a', 'briefing', '-a', 'dip', '--root', root]);
      expect(r.stderr).toMatch(/✓ briefing: [\s\S]*✗ dip: not built/);
      expect(r.stderr).not.toContain('MJZ156');
    }
    const checked = mujaz(['check', '-a', 'briefing', '-a', 'media', '-a', 'briefing', '--root', root]);
    expect(checked.stderr).toContain('checked briefing, media: 0 error(s)');
  });

  it('checks every audience when no -a is given: a broken media deck is not passed over', async () => {
    const root = await tempProject();
    const deck = path.join(root, 'templates/media/deck.hbs');
    await writeFile(deck, replaceOnce(await readFile(deck, 'utf8'), '{{article.title}}', '{{article.titel}}'));
    const r = mujaz(['check', '--root', root]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/templates\/media\/deck\.hbs:\d+:\d+: error MJZ161: .*"titel"/);
    expect(r.stderr).toContain('✗ checked briefing, economy, leadership, media, security: 1 error(s), 0 warning(s)');
    expect(mujaz(['check', '-a', 'briefing', '--root', root]).code).toBe(0);
  });

  it('starts an audience that extends another: only a theme, with an Arabic label for its title slide', async () => {
    const root = await tempProject();
    const made = mujaz(['new-audience', 'envoys', '--extends', 'briefing', '--root', root]);
    expect(made.code, made.stderr).toBe(0);
    const text = await readFile(path.join(root, 'templates/envoys/theme.yaml'), 'utf8');
    expect(text).toMatch(/^extends: briefing$/m);
    expect(text).toMatch(/^label: "إحاطة تحليلية كاملة"$/m); // no Latin name in what the title slide shows
    const r = mujaz(['build', '--audience', 'envoys', '-a', 'briefing', '--root', root]);
    expect(r.code, r.stderr).toBe(0);
    // the label it keeps from the briefing is told on envoys, as its parent's; not on the briefing,
    // which envoys builds on
    expect(r.stderr.match(/warning MJZ156/g), r.stderr).toHaveLength(1);
    expect(r.stderr).toContain('warning MJZ156: The audience "envoys" has the same label as "briefing"');
    const parts = await unzipXml(await readFile(path.join(root, 'output/envoys.pptx')));
    expect(parts.get('ppt/slides/slide1.xml')).toContain('إحاطة تحليلية كاملة');
    expect([...parts].some(([name, xml]) => name.startsWith('ppt/slides/') && xml.includes('envoys'))).toBe(false);
  });

  it('check and facts report a content error as build does, not as an internal error', async () => {
    const root = await tempProject();
    const facts = path.join(root, 'content/facts.yaml');
    await writeFile(facts, replaceOnce(await readFile(facts, 'utf8'), 'data: members.total', 'data: members.totl'));
    for (const args of [['check', '--all'], ['facts'], ['build']]) {
      const r = mujaz([...args, '--root', root]);
      expect(r.code, `${args[0]}: ${r.stderr}`).toBe(1);
      expect(r.stderr).toMatch(/error MJZ141: [\s\S]*hint: Did you mean "members\.total"\?/);
      expect(r.stderr).not.toMatch(/internal error/);
      expect(r.stdout).not.toContain('(not shown on any slide)'); // (where a fact shows is not known then)
    }
  });

  it('lists every fact with its value, source and uses', () => {
    const r = mujaz(['facts']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^coalition\.members = 89  عدد أعضاء التحالف  \[data; source D1; content\/facts\.yaml:\d+\]$/m);
    expect(r.stdout).toMatch(/^ {4}briefing slide 3 \(سوريا تعتزم الانضمام إلى التحالف الدولي\): bullets\[2\]$/m);
    const json = JSON.parse(mujaz(['facts', '--json']).stdout) as { key: string; uses: unknown[] }[];
    expect(json.find((f) => f.key === 'ffis.projects')?.uses.length).toBeGreaterThan(0);
  });

  it('diffs two decks: exit 0 when equal, 1 with the changes, 2 for a file mujaz did not make', async () => {
    const root = await tempProject();
    expect(mujaz(['build', '--root', root, '--out', 'a'], root).code).toBe(0);
    const same = mujaz(['diff', path.join(root, 'a/briefing.pptx'), path.join(root, 'a/briefing.manifest.json')]);
    expect(same.code, same.stderr).toBe(0);
    expect(same.stdout.trim()).toBe('no differences');
    const facts = path.join(root, 'content/facts.yaml');
    await writeFile(facts, replaceOnce(await readFile(facts, 'utf8'), 'value: 28', 'value: 29'));
    expect(mujaz(['build', '--root', root, '--out', 'b'], root).code).toBe(0);
    const changed = mujaz(['diff', path.join(root, 'a/briefing.pptx'), path.join(root, 'b/briefing.pptx')]);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain('fact ffis.locations (مواقع المشاريع في العراق): 28 → 29');
    expect(changed.stdout).toMatch(/~ slide \d+ stats: سابقة العراق/);
    expect(mujaz(['diff', facts, path.join(root, 'b/briefing.pptx')]).code).toBe(2);
  });

  it('diffs the points of a chart that are no facts: a changed count, a bar one member shorter, as the slide labels them', async () => {
    const root = await tempProject();
    expect(mujaz(['build', '--all', '--root', root, '--out', 'a'], root).code).toBe(0);
    const data = path.join(root, 'content/data/coalition-members.yaml');
    let text = await readFile(data, 'utf8');
    text = replaceOnce(text, "- date: 2019-09\n  members: 81\n", "- date: 2019-09\n  members: 82\n"); // a published count corrected
    text = replaceOnce(text, text.slice(text.indexOf('- en: Togo\n'), text.indexOf('- en: Arab League\n')), ''); // a member removed from the list
    await writeFile(data, text);
    expect(mujaz(['build', '--all', '--root', root, '--out', 'b'], root).code).toBe(0);
    const a = (f: string) => path.join(root, 'a', f);
    const b = (f: string) => path.join(root, 'b', f);
    const expected = [
      '~ slide 4 chart: تركيبة التحالف: 88 عضواً',
      '    الأعضاء المعروفة أسماؤهم (coalition.identified_members): 85 → 84',
      '    عدد أعضاء التحالف (coalition.members): 89 → 88',
      '    point دول أفريقية عربية وغيرها: 17 → 16',
      // (its notes and note now give the figures to the current data: the article's 89 is not the data's)
      "    also changed: speaker notes, chart's alternative text or note",
      '~ slide 5 chart: نمو التحالف منذ تشكيله في أيلول/سبتمبر 2014',
      '    عدد أعضاء التحالف (coalition.members): 89 → 88',
      '    رقم عضوية سوريا في التحالف (syria.member_number): 90 → 89',
      '    point 2019: 81 → 82',
      '    point بانضمام سوريا (syria.member_number): 90 → 89',
      "    also changed: chart's alternative text or note",
    ].join('\n');
    for (const [x, y] of [[a('briefing.pptx'), b('briefing.pptx')], [a('briefing.manifest.json'), b('briefing.manifest.json')], [a('briefing.manifest.json'), b('briefing.pptx')]]) {
      const r = mujaz(['diff', x!, y!]);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stdout).toContain(`\n${expected}\n`);
    }
    // an audience with Arabic-Indic digits: the labels as its slides show them
    expect(mujaz(['diff', a('leadership.pptx'), b('leadership.pptx')]).stdout).toContain('\n    point ٢٠١٩: 81 → 82\n');

    const json = mujaz(['diff', a('briefing.pptx'), b('briefing.pptx'), '--json']);
    expect(json.code).toBe(1);
    const diff = JSON.parse(json.stdout) as { changed: { after: { n: number }; chart?: unknown }[] };
    expect(diff.changed.find((c) => c.after.n === 4)?.chart).toEqual({ series: [], points: [{ category: 'دول أفريقية عربية وغيرها', series: 'عدد الأعضاء', before: 17, after: 16 }], reordered: false });
    expect(diff.changed.find((c) => c.after.n === 5)?.chart).toEqual({
      series: [],
      points: [
        { category: '2019', series: 'عدد الأعضاء', before: 81, after: 82 },
        { category: 'بانضمام سوريا', series: 'عدد الأعضاء', before: 90, after: 89, fact: 'syria.member_number' },
      ],
      reordered: false,
    });
    // a manifest written before chart points were recorded: what can be said, and that the points were not compared
    const older = JSON.parse(await readFile(a('briefing.manifest.json'), 'utf8')) as { slides: { chart?: unknown }[] };
    for (const slide of older.slides) delete slide.chart;
    await writeFile(a('older.manifest.json'), JSON.stringify(older));
    const r = mujaz(['diff', a('older.manifest.json'), b('briefing.pptx')]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(
      [
        '~ slide 5 chart: نمو التحالف منذ تشكيله في أيلول/سبتمبر 2014',
        '    عدد أعضاء التحالف (coalition.members): 89 → 88',
        '    رقم عضوية سوريا في التحالف (syria.member_number): 90 → 89',
        "    chart points: not compared (the earlier deck's manifest does not record them: it was written by an older mujaz)",
      ].join('\n'),
    );
    const olderJson = JSON.parse(mujaz(['diff', a('older.manifest.json'), b('briefing.pptx'), '--json']).stdout) as { changed: { after: { n: number }; chart?: unknown }[] };
    expect(olderJson.changed.find((c) => c.after.n === 5)?.chart).toEqual({ unrecorded: 'before', series: [], points: [], reordered: false });
  });

  it('reports an output folder it cannot write to, as input to fix, not as a bug', async () => {
    const root = await tempProject();
    await writeFile(path.join(root, 'not-a-folder'), 'x');
    const r = mujaz(['build', '--root', root, '--out', path.join(root, 'not-a-folder/decks')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error MJZ190: Cannot write');
    expect(r.stderr).toContain('a part of the path is a file, not a folder');
    expect(r.stderr).not.toContain('internal error');
  });

  it('writes a deck, its manifest and --emit output all or none: a failure leaves every one as it was', async () => {
    const root = await tempProject();
    const out = path.join(root, 'output');
    expect(mujaz(['build', '--root', root, '--emit', 'spec']).code).toBe(0);
    const names = ['briefing.manifest.json', 'briefing.pptx', 'briefing.spec.json'];
    const before = new Map(await Promise.all(names.map(async (n) => [n, await readFile(path.join(out, n))] as const)));
    const facts = path.join(root, 'content/facts.yaml');
    await writeFile(facts, replaceOnce(await readFile(facts, 'utf8'), 'value: 28', 'value: 29')); // a build that differs
    for (const blocked of names) {
      // a folder where one of the three goes: refused before anything is replaced
      await rename(path.join(out, blocked), path.join(root, 'kept'));
      await mkdir(path.join(out, blocked));
      const r = mujaz(['build', '--root', root, '--emit', 'spec']);
      await rmdir(path.join(out, blocked));
      await rename(path.join(root, 'kept'), path.join(out, blocked));
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain(`error MJZ190: Cannot write ${path.join(out, blocked)}: a folder of that name is in the way`);
      expect(r.stderr).toContain('✗ briefing: not built; the previous deck, if any, is unchanged');
      for (const n of names) expect((await readFile(path.join(out, n))).equals(before.get(n)!), `${blocked} blocked: ${n} changed`).toBe(true);
      expect((await readdir(out)).sort(), 'no temporary file left behind').toEqual(names);
    }
    const r = mujaz(['build', '--root', root, '--emit', 'spec']);
    expect(r.code, r.stderr).toBe(0);
    expect((await readFile(path.join(out, 'briefing.pptx'))).equals(before.get('briefing.pptx')!)).toBe(false);
  });
});
