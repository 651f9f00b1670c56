import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAudiences } from '../../src/index.js';
import { slideNames, unzipXml, validatePptx } from '../helpers/pptx.js';
import { otherUser } from '../helpers/other-user.js';
import { REPO } from '../helpers/project.js';

const CLI = path.join(REPO, 'dist/bin/mujaz.js');
// (run as a user runs it, not from inside npm: npm's variables say how mujaz was started)
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_')));
const mujaz = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env });
/** Who runs mujaz where a folder's permissions must refuse it (nobody, for root). */
const OTHER_USER = otherUser(CLI);

describe('mujaz init', () => {
  it('starts a project that builds as it is, every audience, without a warning', async () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'mujaz-init-')), 'new-brief');
    const made = mujaz(['init', dir]);
    expect(made.status, made.stderr).toBe(0);
    // the next step as it was run here (npx mujaz would look for mujaz on the registry)
    expect(made.stderr).toContain(`node ${path.relative(process.cwd(), CLI)} build --all --root`);
    // the files to write next, named from where init ran
    const beside = spawnSync(process.execPath, [CLI, 'init', 'second'], { cwd: path.dirname(dir), encoding: 'utf8', env });
    expect(beside.status, beside.stderr).toBe(0);
    expect(beside.stderr).toContain(`--root second      # the example builds as it is\n  then put your article in ${path.join('second', 'content/article.txt')} and outline it in ${path.join('second', 'content/article.yaml')} (${path.join('second', 'docs/authors-guide.md')})`);
    const built = mujaz(['build', '--all', '--strict', '--root', dir]);
    expect(built.status, built.stderr).toBe(0);
    for (const audience of ['briefing', 'leadership', 'security', 'economy', 'media']) {
      expect(built.stderr).toMatch(new RegExp(`✓ ${audience}: \\d+ slides`));
      expect(validatePptx(readFileSync(path.join(dir, 'output', `${audience}.pptx`))).code, audience).toBe(0);
    }
    expect(mujaz(['check', '--all', '--strict', '--root', dir]).status).toBe(0);
    // every audience shipped with mujaz, and only those
    expect(readdirSync(path.join(dir, 'templates')).sort()).toEqual(['_shared', ...(await listAudiences(REPO))].sort());
    // the audiences describe the starter's decks, not the shipped example's
    const listed = mujaz(['audiences', '--root', dir]).stdout;
    expect(listed).toMatch(/^media +ملخص للجمهور — For the press and the public: the news in brief/m);
    expect(listed).not.toMatch(/Syria|north-east|Iraq|coalition|membership/i);
  });

  it("gives a new project the shipped audiences only, not one a user made beside them in the package's templates/", () => {
    // a copy of the package, with an audience of the user's own in its templates/
    const pkg = mkdtempSync(path.join(os.tmpdir(), 'mujaz-pkg-'));
    for (const part of ['package.json', 'dist/bin', 'src/init/starter', 'templates', 'docs/schemas', 'docs/authors-guide.md']) cpSync(path.join(REPO, part), path.join(pkg, part), { recursive: true });
    mkdirSync(path.join(pkg, 'templates/diplomats'));
    writeFileSync(path.join(pkg, 'templates/diplomats/theme.yaml'), 'extends: briefing\nlabel: "إحاطة دبلوماسية"\n');
    writeFileSync(path.join(pkg, 'templates/diplomats/deck.hbs'), 'slides: []\n');
    const dir = path.join(pkg, 'new-brief');
    const made = spawnSync(process.execPath, [path.join(pkg, 'dist/bin/mujaz.js'), 'init', dir], { encoding: 'utf8', env });
    expect(made.status, made.stderr).toBe(0);
    expect(readdirSync(path.join(dir, 'templates')).sort()).toEqual(['_shared', 'briefing', 'economy', 'leadership', 'media', 'security']);
    rmSync(pkg, { recursive: true, force: true });
  });

  it('writes over nothing: a folder holding docs/authors-guide.md is refused, one holding other files is a project beside them, and only the files made are counted', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mujaz-init-'));
    mkdirSync(path.join(dir, 'docs'));
    writeFileSync(path.join(dir, 'docs/authors-guide.md'), 'my own notes\n');
    const refused = mujaz(['init', dir]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('already holds docs/authors-guide.md, which mujaz init would write over');
    expect(readFileSync(path.join(dir, 'docs/authors-guide.md'), 'utf8')).toBe('my own notes\n');
    expect(existsSync(path.join(dir, 'content'))).toBe(false);

    const other = mkdtempSync(path.join(os.tmpdir(), 'mujaz-init-'));
    writeFileSync(path.join(other, 'README.md'), 'my repository\n');
    const made = mujaz(['init', other]);
    expect(made.status, made.stderr).toBe(0);
    expect(readFileSync(path.join(other, 'README.md'), 'utf8')).toBe('my repository\n');
    const count = Number(/\((\d+) files\)/.exec(made.stderr)?.[1]);
    const made2 = path.join(mkdtempSync(path.join(os.tmpdir(), 'mujaz-init-')), 'fresh');
    expect(Number(/\((\d+) files\)/.exec(mujaz(['init', made2]).stderr)?.[1])).toBe(count);
  });

  it('init under a file: exit 1 with MJZ191 naming the path from here and saying what is wrong', () => {
    const parent = mkdtempSync(path.join(os.tmpdir(), 'mujaz-init-'));
    writeFileSync(path.join(parent, 'afile'), 'x');
    const here = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: parent, encoding: 'utf8', env });
    const under = here(['init', 'afile/brief']);
    expect([under.status, under.stderr]).toEqual([1, 'afile/brief: error MJZ191: A part of the path is a file, not a folder\n  hint: Give the name of a new folder.\n\n']);
    expect(here(['init', 'afile']).stderr).toContain('afile: error MJZ191: This is a file, not a folder');
  });

  it.skipIf(!OTHER_USER)('init into a folder it may not write to: exit 1 with MJZ191 "permission denied", nothing left behind', () => {
    const parent = mkdtempSync(path.join(os.tmpdir(), 'mujaz-init-'));
    mkdirSync(path.join(parent, 'locked'));
    chmodSync(path.join(parent, 'locked'), 0o555);
    chmodSync(parent, 0o755);
    const denied = spawnSync(process.execPath, [CLI, 'init', 'locked/brief'], { cwd: parent, encoding: 'utf8', env, timeout: 30_000, ...OTHER_USER });
    expect(denied.status, denied.stderr).toBe(1);
    expect(denied.stderr).toContain('locked/brief: error MJZ191: Cannot make the folder locked/brief: permission denied\n  hint: Fix the permissions of the folder it goes in');
    expect(denied.stderr).not.toContain('internal error');
    expect(readdirSync(path.join(parent, 'locked'))).toEqual([]);
  });

  it.skipIf(process.platform !== 'linux')('init where no folder can be made (/proc) stops at once with MJZ191, rather than trying for ever', () => {
    const r = spawnSync(process.execPath, [CLI, 'init', '/proc/mujaz-no-such-folder/brief'], { encoding: 'utf8', env, timeout: 30_000 });
    expect(r.error, 'init hung').toBeUndefined();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('/proc/mujaz-no-such-folder: error MJZ191: Cannot make the folder /proc/mujaz-no-such-folder: no folder can be made there');
  });

  it('refuses a folder that already holds a project', () => {
    const r = mujaz(['init', REPO]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('already holds a content/ or templates/ folder');
  });

  it('refuses a folder inside a project (its content/, an audience’s folder, output/), and makes nothing there', () => {
    for (const inside of ['content', 'content/brief', 'templates/briefing/new', 'output/x']) {
      const target = path.join(REPO, inside);
      const before = existsSync(target) ? readdirSync(target) : undefined;
      const r = mujaz(['init', target]);
      expect([inside, r.status]).toEqual([inside, 1]);
      expect(r.stderr).toContain('error MJZ191: This folder is inside a project (in its content/, templates/ or output/): a new project there would be read as part of that one');
      expect(existsSync(target) ? readdirSync(target) : undefined).toEqual(before);
    }
  });

  it('builds every audience once the example is replaced by another article: no text of the example is left, and every cited source is listed', async () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'mujaz-init-')), 'water');
    expect(mujaz(['init', dir]).status).toBe(0);
    const write = (file: string, text: string) => writeFileSync(path.join(dir, file), text);
    write('content/article.txt', 'تراجعت حصة الفرد من المياه في الأردن إلى 61 متراً مكعباً سنوياً. ويقدّر البرنامج أن الفاقد بلغ 48 في المئة.\n');
    write(
      'content/sources.yaml',
      [
        'sources:',
        '  - id: A1',
        '    kind: article',
        '    title: "شحّ المياه في الأردن"',
        '    date: "2025-06-01"',
        '    file: article.txt',
        '  - id: W1',
        '    title: "FAO AQUASTAT: Jordan"',
        '    date: "2024-05-01"',
        '',
      ].join('\n'),
    );
    write(
      'content/facts.yaml',
      [
        'facts:',
        '  water.per_capita:',
        '    label: "حصة الفرد من المياه سنوياً"',
        '    stated: { value: 61, source: A1, quote: "إلى 61 متراً مكعباً سنوياً" }',
        '  water.loss:',
        '    label: "نسبة الفاقد"',
        '    stated: { value: 48, source: W1 }',
        '',
      ].join('\n'),
    );
    const point = (text: string, basis: string) => `      - text: "${text}"\n        basis: ["${basis}"]`;
    write(
      'content/article.yaml',
      [
        'article:',
        '  title: "شحّ المياه في الأردن"',
        '  date: "2025-06-01"',
        '  source: "A1"',
        '  text: "article.txt"',
        'parts:',
        '  - id: "share"',
        '    heading: "حصة الفرد تتراجع"',
        '    short: "حصة الفرد"',
        '    points:',
        point('تراجعت حصة الفرد إلى [[water.per_capita]] متراً مكعباً سنوياً', 'تراجعت حصة الفرد من المياه في الأردن إلى 61 متراً مكعباً سنوياً'),
        '    notes: "تراجعت حصة الفرد إلى [[water.per_capita]] متراً مكعباً."',
        '  - id: "loss"',
        '    heading: "الفاقد"',
        '    short: "الفاقد"',
        '    points:',
        point('بلغ الفاقد [[water.loss]] في المئة', 'ويقدّر البرنامج أن الفاقد بلغ 48 في المئة'),
        '    notes: "بلغ الفاقد [[water.loss]] في المئة."',
        'highlights:',
        '  bottom-line:',
        point('تراجعت حصة الفرد إلى [[water.per_capita]] متراً مكعباً', 'تراجعت حصة الفرد من المياه في الأردن إلى 61 متراً مكعباً سنوياً'),
        '  watch:',
        point('الفاقد: [[water.loss]] في المئة', 'ويقدّر البرنامج أن الفاقد بلغ 48 في المئة'),
        '',
      ].join('\n'),
    );
    // as the media deck's header says: its numbers slide names facts and a part of the example
    const media = path.join(dir, 'templates/media/deck.hbs');
    writeFileSync(media, readFileSync(media, 'utf8').replace('syria.member_number', 'water.per_capita').replaceAll('syria.member_number', 'water.per_capita').replaceAll('coalition.members', 'water.loss').replace('"announcement"', '"share"'));

    const built = mujaz(['build', '--all', '--strict', '--root', dir]);
    expect(built.status, built.stderr).toBe(0);
    for (const audience of ['briefing', 'leadership', 'security', 'economy', 'media']) {
      const parts = await unzipXml(readFileSync(path.join(dir, 'output', `${audience}.pptx`)));
      const text = [...parts].filter(([name]) => /^ppt\/(slides|notesSlides)\/\w+\.xml$/.test(name)).map(([, xml]) => xml).join('\n').replaceAll('\u200F', '');
      expect(text, audience).not.toMatch(/سوري|التحالف|داعش|الأسد/);
      expect(text, `${audience}: the source W1, cited by a fact`).toContain('W1: FAO AQUASTAT: Jordan');
      expect(slideNames(parts).length, audience).toBeGreaterThan(2);
    }
  });
});
