/**
 * Hostile files on disk: encodings, line endings, paths and links that lead out of the project.
 * These go through the real reader (src/io/read.ts) on a temporary copy of the project.
 */
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { buildDeck, buildDecks, checkProject } from '../../src/api.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { readText } from '../../src/io/read.js';
import { replaceOnce, tempProject } from '../helpers/project.js';
import { expectWellFormed, positionOf, summarize } from './harness.js';

const errorsOf = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.severity === 'error');

/** A file outside every project, holding a marker that must never show up anywhere. */
async function outsideFile(name: string, text: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mujaz-outside-'));
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
}

async function edit(root: string, file: string, change: (text: string) => string): Promise<string> {
  const full = path.join(root, file);
  const text = change(await readFile(full, 'utf8'));
  await writeFile(full, text);
  return text;
}

async function allFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) if (entry.isFile()) out.push(path.join(entry.parentPath, entry.name));
  return out;
}

describe('encodings and line endings', () => {
  it('bytes that are not UTF-8: MJZ103 at the first bad byte, reported once', async () => {
    const root = await tempProject();
    const file = path.join(root, 'content/sources.yaml');
    const text = await readFile(file, 'utf8');
    const at = text.indexOf('file: article.txt');
    // a name written in Latin-1 with an é: the byte 0xE9 alone is not UTF-8
    await writeFile(file, Buffer.concat([Buffer.from(text.slice(0, at + 'file: art'.length)), Buffer.from([0xe9]), Buffer.from(text.slice(at + 'file: art'.length))]));
    const { diagnostics } = await checkProject({ root });
    const errors = errorsOf(diagnostics);
    const d = errors.find((x) => x.code === 'MJZ103')!;
    expect(d.location).toMatchObject({ file: 'content/sources.yaml', start: positionOf(text, 'file: article.txt', 'file: art'.length) });
    expect(d.message).toMatch(/byte 0xE9/);
    expectWellFormed(d);
    expect(errors.filter((x) => x.code === 'MJZ120')).toEqual([]); // not "missing" as well
  });

  it('bytes that are not UTF-8 in a file with classic Mac line ends: MJZ103 at the line an editor shows', async () => {
    const root = await tempProject();
    const file = path.join(root, 'content/sources.yaml');
    const text = await readFile(file, 'utf8');
    const at = text.indexOf('file: article.txt') + 'file: art'.length;
    await writeFile(file, Buffer.concat([Buffer.from(text.slice(0, at).replace(/\n/g, '\r')), Buffer.from([0xe9]), Buffer.from(text.slice(at).replace(/\n/g, '\r'))]));
    const d = errorsOf((await checkProject({ root })).diagnostics).find((x) => x.code === 'MJZ103')!;
    expect(d.location).toMatchObject({ file: 'content/sources.yaml', start: positionOf(text, 'file: article.txt', 'file: art'.length) });
    expectWellFormed(d);
  });

  it('an outline saved in Windows-1256 (legacy Arabic): MJZ103 on the first Arabic letter', async () => {
    const root = await tempProject();
    const file = path.join(root, 'content/facts.yaml');
    const text = await readFile(file, 'utf8');
    const line = positionOf(text, 'label: "عدد أعضاء التحالف"').line;
    // عدد in Windows-1256: 0xDA 0xCF 0xCF
    await writeFile(file, Buffer.from(text.replace('label: "عدد أعضاء التحالف"', 'label: "\u0001\u0002\u0002"'), 'utf8').map((b) => (b === 1 ? 0xda : b === 2 ? 0xcf : b)));
    const d = errorsOf((await checkProject({ root })).diagnostics).find((x) => x.code === 'MJZ103')!;
    expect(d.location).toMatchObject({ file: 'content/facts.yaml', start: { line, column: 'label: "'.length + 5 } });
    expectWellFormed(d);
  });

  it('a template that is not UTF-8: MJZ103 in the template', async () => {
    const root = await tempProject();
    const file = path.join(root, 'templates/briefing/deck.hbs');
    await writeFile(file, Buffer.concat([await readFile(file), Buffer.from([0xff, 0x0a])]));
    const d = errorsOf((await checkProject({ root })).diagnostics).find((x) => x.code === 'MJZ103')!;
    expect(d.location?.file).toBe('templates/briefing/deck.hbs');
    expectWellFormed(d);
  });

  it.each([
    ['a BOM and Windows line ends (CRLF)', '\r\n'],
    ['a BOM and classic Mac line ends (CR alone)', '\r'],
  ])('%s in every file simply work: the same deck, byte for byte', { timeout: 30_000 }, async (_label, end) => {
    const plain = await tempProject();
    const windows = await tempProject();
    for (const file of await allFiles(windows)) {
      if (!/\.(ya?ml|hbs|txt)$/.test(file)) continue;
      await chmod(file, 0o644);
      const text = (await readFile(file, 'utf8')).replace(/\r\n/g, '\n').replace(/\n/g, end);
      await writeFile(file, `\uFEFF${text}`);
    }
    const [a, b] = await Promise.all([buildDeck({ root: plain }), buildDeck({ root: windows })]);
    expect(summarize(errorsOf(b.diagnostics))).toBe('');
    expect(b.spec).toEqual(a.spec);
    expect(JSON.stringify(b.spec)).not.toMatch(/\\r|\uFEFF/);
    expect(Buffer.from(b.bytes!).equals(Buffer.from(a.bytes!))).toBe(true);
  });

  it('a classic Mac file (CR alone) with lines added in an editor that writes LF builds as before; a mix it cannot read says so', async () => {
    const plain = await tempProject();
    const mixed = await tempProject();
    // (the helper that found it: every line end a CR, the last an LF; then three LF lines added)
    await edit(mixed, 'content/facts.yaml', (t) => `${t.replace(/\n/g, '\r')}\n# one\n# two\n`);
    const [a, b] = await Promise.all([buildDeck({ root: plain }), buildDeck({ root: mixed })]);
    expect(summarize(errorsOf(b.diagnostics))).toBe('');
    expect(Buffer.from(b.bytes!).equals(Buffer.from(a.bytes!))).toBe(true);
    // as many LFs as lone CRs, and the CRs hide the facts in a comment: said to be the line ends
    await edit(mixed, 'content/facts.yaml', () => '# the facts\rfacts: {}\r\n# one\n');
    const d = errorsOf((await checkProject({ root: mixed })).diagnostics).find((x) => x.code === 'MJZ102')!;
    expect(d.message).toBe('content/facts.yaml is empty as read: its line ends are carriage returns (CR) among line feeds (LF)');
    expect(d.hint).toBe('Save the file with one kind of line end, LF (or CRLF), in your editor.');
  });

  it('in a file with a BOM and CRLF, an error still points at the right line and column', async () => {
    const root = await tempProject();
    const text = await edit(root, 'content/facts.yaml', (t) => `\uFEFF${replaceOnce(t, '    type: year', '    type: yaer').replace(/\n/g, '\r\n')}`);
    const d = errorsOf((await checkProject({ root })).diagnostics)[0]!;
    expect(d.code).toBe('MJZ111');
    expect(d.location?.start).toEqual(positionOf(text.slice(1).replace(/\r\n/g, '\n'), 'yaer'));
    expectWellFormed(d);
  });
});

describe('paths that lead out of the project', () => {
  it('article.text with ../..: MJZ122, nothing read', async () => {
    const root = await tempProject();
    const outside = await outsideFile('leak.txt', 'SECRET-OUTSIDE-1');
    const rel = path.relative(path.join(root, 'content'), outside);
    const text = await edit(root, 'content/article.yaml', (t) => replaceOnce(t, 'text: "article.txt"', `text: "${rel}"`));
    const { diagnostics } = await checkProject({ root });
    const d = errorsOf(diagnostics).find((x) => x.code === 'MJZ122')!;
    expect(d.location).toMatchObject({ file: 'content/article.yaml', start: positionOf(text, `"${rel}"`) });
    expect(d.message).toMatch(/lies outside content\//);
    expectWellFormed(d);
    expect(JSON.stringify(diagnostics)).not.toContain('SECRET-OUTSIDE');
  });

  it('article.text as an absolute path: MJZ122', async () => {
    const root = await tempProject();
    const outside = await outsideFile('leak.txt', 'SECRET-OUTSIDE-2');
    await edit(root, 'content/article.yaml', (t) => replaceOnce(t, 'text: "article.txt"', `text: "${outside}"`));
    const { diagnostics } = await checkProject({ root });
    expect(errorsOf(diagnostics).map((d) => d.code)).toEqual(['MJZ122']);
    expect(JSON.stringify(diagnostics)).not.toContain('SECRET-OUTSIDE');
  });

  it('a content file that is a symbolic link out of the project: MJZ122, not read, not "missing"', async () => {
    const root = await tempProject();
    const outside = await outsideFile('facts.yaml', `# SECRET-OUTSIDE-3\n${await readFile(path.join(root, 'content/facts.yaml'), 'utf8')}`);
    await rm(path.join(root, 'content/facts.yaml'));
    await symlink(outside, path.join(root, 'content/facts.yaml'));
    const { diagnostics } = await checkProject({ root });
    const errors = errorsOf(diagnostics);
    expect(errors.map((d) => [d.code, d.location?.file])).toEqual([['MJZ122', 'content/facts.yaml']]);
    expect(errors[0]?.message).toMatch(/is a symbolic link to .*, outside the project: it was not read/);
    expectWellFormed(errors[0]!);
    expect(JSON.stringify(diagnostics)).not.toContain('SECRET-OUTSIDE');
  });

  it('the dataset as a link out of the project: MJZ122 only, no follow-on errors about the figures it holds', async () => {
    const root = await tempProject();
    const rel = 'content/data/coalition-members.yaml';
    const outside = await outsideFile('members.yaml', await readFile(path.join(root, rel), 'utf8'));
    await rm(path.join(root, rel), { force: true });
    await symlink(outside, path.join(root, rel));
    const errors = errorsOf((await checkProject({ root })).diagnostics);
    expect(errors.map((d) => [d.code, d.location?.file])).toEqual([['MJZ122', rel]]);
  });

  it('the article text (the asset) as a link out of the project: MJZ122 only', async () => {
    const root = await tempProject();
    const outside = await outsideFile('article.txt', await readFile(path.join(root, 'content/article.txt'), 'utf8'));
    await rm(path.join(root, 'content/article.txt'), { force: true });
    await symlink(outside, path.join(root, 'content/article.txt'));
    const errors = errorsOf((await checkProject({ root })).diagnostics);
    expect(errors.map((d) => [d.code, d.location?.file])).toEqual([['MJZ122', 'content/article.txt']]);
  });

  it('a content folder that is a link out of the project: MJZ122', async () => {
    const root = await tempProject();
    const outside = path.dirname(await outsideFile('x.yaml', 'secret: SECRET-OUTSIDE-4\n'));
    await symlink(outside, path.join(root, 'content/more'));
    const { diagnostics } = await checkProject({ root });
    expect(errorsOf(diagnostics).map((d) => [d.code, d.location?.file])).toEqual([['MJZ122', 'content/more']]);
    expect(JSON.stringify(diagnostics)).not.toContain('SECRET-OUTSIDE');
  });

  it('a partial that is a link out of the project: MJZ122', async () => {
    const root = await tempProject();
    const outside = await outsideFile('evil.hbs', '  - kind: bullets\n    title: "SECRET-OUTSIDE-5"\n');
    await symlink(outside, path.join(root, 'templates/_shared/partials/evil.hbs'));
    const { diagnostics } = await checkProject({ root });
    expect(errorsOf(diagnostics).map((d) => [d.code, d.location?.file])).toEqual([['MJZ122', 'templates/_shared/partials/evil.hbs']]);
  });

  it("a link out of one audience's folder stops that audience's deck and those that build on it, not the others", async () => {
    const root = await tempProject();
    const outside = await outsideFile('extra.hbs', '  - kind: bullets\n    title: "SECRET-OUTSIDE-6"\n');
    await symlink(outside, path.join(root, 'templates/media/partials/extra.hbs'));
    const results = await buildDecks({ root, all: true });
    expect(results.map((r) => [r.audience, r.bytes !== undefined])).toEqual([['briefing', true], ['economy', true], ['leadership', true], ['media', false], ['security', true]]);
    expect(errorsOf(results.find((r) => r.audience === 'media')!.diagnostics).map((d) => [d.code, d.location?.file])).toEqual([['MJZ122', 'templates/media/partials/extra.hbs']]);
    // one in the folder every other audience extends stops them all
    await rm(path.join(root, 'templates/media/partials/extra.hbs'));
    await symlink(outside, path.join(root, 'templates/briefing/partials-extra.hbs'));
    expect((await buildDecks({ root, all: true })).map((r) => r.bytes !== undefined)).toEqual([false, false, false, false, false]);
    // the parent's theme.yaml a link out: an audience that extends it, which cannot load, is told why
    await rm(path.join(root, 'templates/briefing/partials-extra.hbs'));
    const theme = await outsideFile('theme.yaml', await readFile(path.join(root, 'templates/briefing/theme.yaml'), 'utf8'));
    await rm(path.join(root, 'templates/briefing/theme.yaml'));
    await symlink(theme, path.join(root, 'templates/briefing/theme.yaml'));
    const [economy] = await buildDecks({ root, audiences: ['economy'] });
    expect(errorsOf(economy!.diagnostics).map((d) => [d.code, d.location?.file])).toContainEqual(['MJZ122', 'templates/briefing/theme.yaml']);
  });

  it("an audience's deck.hbs or theme.yaml that is a folder: MJZ124 saying so (it was 'has no deck.hbs'), the others built", async () => {
    const root = await tempProject();
    await mkdir(path.join(root, 'templates/f1/deck.hbs'), { recursive: true });
    await writeFile(path.join(root, 'templates/f1/theme.yaml'), 'extends: briefing\nlabel: "ف"\n');
    await mkdir(path.join(root, 'templates/f2/theme.yaml'), { recursive: true });
    const results = await buildDecks({ root, audiences: ['f1', 'f2', 'briefing'] });
    expect(results.map((r) => [r.audience, r.bytes !== undefined, errorsOf(r.diagnostics).map((d) => [d.code, d.location?.file, d.message])])).toEqual([
      ['f1', false, [['MJZ124', 'templates/f1/deck.hbs', 'templates/f1/deck.hbs is a folder, not a file']]],
      ['f2', false, [['MJZ124', 'templates/f2/theme.yaml', 'templates/f2/theme.yaml is a folder, not a file']]],
      ['briefing', true, []],
    ]);
  });

  it("an audience that cannot load for its own reason is not also told another audience's folder problem", async () => {
    const root = await tempProject();
    const outside = await outsideFile('extra2.hbs', '  - kind: bullets\n    title: "x"\n');
    await symlink(outside, path.join(root, 'templates/media/partials/extra.hbs'));
    const theme = path.join(root, 'templates/security/theme.yaml');
    await writeFile(theme, `${await readFile(theme, 'utf8')}sizes:\n  title: 300\n`);
    const [security] = await buildDecks({ root, audiences: ['security'] });
    expect(errorsOf(security!.diagnostics).map((d) => [d.code, d.location?.file])).toEqual([['MJZ111', 'templates/security/theme.yaml']]);
    // (media's own problem still stops media)
    const [media] = await buildDecks({ root, audiences: ['media'] });
    expect(errorsOf(media!.diagnostics).map((d) => [d.code, d.location?.file])).toEqual([['MJZ122', 'templates/media/partials/extra.hbs']]);
  });

  it('links that stay inside the project are read; a link loop ends', { timeout: 10_000 }, async () => {
    const root = await tempProject();
    const text = await readFile(path.join(root, 'content/article.txt'), 'utf8');
    await mkdir(path.join(root, 'texts'));
    await writeFile(path.join(root, 'texts/article.txt'), text);
    await rm(path.join(root, 'content/article.txt'), { force: true });
    await symlink('../texts/article.txt', path.join(root, 'content/article.txt'));
    await symlink('..', path.join(root, 'content/loop'));
    const { diagnostics } = await checkProject({ root });
    expect(summarize(errorsOf(diagnostics))).toBe('');
    expect(diagnostics.filter((d) => d.code === 'MJZ132')).toEqual([]); // the basis quotes were checked against the text
  });

  it.skipIf(process.getuid?.() === 0)('a file that cannot be read: MJZ121, not an internal error', async () => {
    const root = await tempProject();
    await chmod(path.join(root, 'content/sources.yaml'), 0o000);
    const errors = errorsOf((await checkProject({ root })).diagnostics);
    expect(errors.map((d) => [d.code, d.location?.file])).toEqual([['MJZ121', 'content/sources.yaml']]);
  });

  it('a path the reader cannot read as a file: MJZ124 saying what it is, not an exception', async () => {
    const root = await tempProject();
    const { file, diagnostic } = await readText(root, 'content/data');
    expect(file?.refused).toBe(true);
    expect(diagnostic).toMatchObject({ code: 'MJZ124', message: 'content/data is a folder, not a file', location: { file: 'content/data' } });
  });

  it('a root that does not exist: one MJZ123 naming the folder, nothing else', async () => {
    const root = path.join(os.tmpdir(), 'mujaz-no-such-root');
    const { diagnostics } = await checkProject({ root });
    expect(errorsOf(diagnostics).map((d) => [d.code, d.message, d.location?.file])).toEqual([['MJZ123', 'The project folder does not exist', root]]);
  });

  it('--all on a root that does not exist, or with no audience, fails and says why (it used to build nothing and succeed)', async () => {
    const missing = path.join(os.tmpdir(), 'mujaz-no-such-root');
    for (const call of [buildDecks({ root: missing, all: true }), checkProject({ root: missing, all: true })]) {
      const result = await call;
      const diagnostics = Array.isArray(result) ? result.flatMap((r) => r.diagnostics) : result.diagnostics;
      expect(errorsOf(diagnostics).map((d) => d.code)).toEqual(['MJZ123']);
      if (Array.isArray(result)) expect(result.map((r) => r.bytes)).toEqual([undefined]);
    }
    const root = await tempProject();
    await rm(path.join(root, 'templates'), { recursive: true });
    await mkdir(path.join(root, 'templates'));
    const [deck, ...others] = await buildDecks({ root, all: true });
    expect(others).toEqual([]);
    expect(deck?.bytes).toBeUndefined();
    expect(errorsOf(deck!.diagnostics).map((d) => [d.code, d.message])).toContainEqual(['MJZ150', 'No audience to build: templates/ has no audience folder']);
    expect(existsSync(path.join(root, 'output'))).toBe(false);
  });
});

describe('paths that are not files the project can read', () => {
  /** The errors of a check, as [code, file, message]. */
  const errors = async (root: string) => errorsOf((await checkProject({ root, all: true })).diagnostics).map((d) => [d.code, d.location?.file, d.message]);

  it.each([
    ['600 MB', 600],
    ['3 GB', 3 * 1024],
  ])('a content file of %s: MJZ125 "file too large", measured before anything is read', async (_size, mb) => {
    const root = await tempProject();
    // (a sparse file: it takes no room on the disk)
    await (await import('node:fs/promises')).truncate(path.join(root, 'content/article.txt'), mb * 1024 * 1024);
    expect(await errors(root)).toEqual([['MJZ125', 'content/article.txt', `Cannot read content/article.txt: file too large (${mb} MB; a file of the project may have up to 50 MB)`]]);
  });

  it('a template of 600 MB: MJZ125 at the template', async () => {
    const root = await tempProject();
    await (await import('node:fs/promises')).truncate(path.join(root, 'templates/_shared/partials/sources.hbs'), 600 * 1024 * 1024);
    const { diagnostics } = await checkProject({ root });
    expect(errorsOf(diagnostics).map((d) => [d.code, d.location?.file])).toContainEqual(['MJZ125', 'templates/_shared/partials/sources.hbs']);
    expect(errorsOf(diagnostics).map((d) => d.code)).not.toContain('MJZ900');
  });

  it('content/facts.yaml a folder: MJZ124 "is a folder, not a file" with how to fix it, and no "missing file"', async () => {
    const root = await tempProject();
    await rm(path.join(root, 'content/facts.yaml'));
    await mkdir(path.join(root, 'content/facts.yaml'));
    const { diagnostics } = await checkProject({ root });
    expect(errorsOf(diagnostics).map((d) => [d.code, d.location?.file, d.message, d.hint])).toEqual([
      ['MJZ124', 'content/facts.yaml', 'content/facts.yaml is a folder, not a file', "Put the file content/facts.yaml in the folder's place: move the folder away, or rename it."],
    ]);
  });

  it.skipIf(process.platform === 'win32')('content/facts.yaml a named pipe: MJZ124, read without waiting for a writer', async () => {
    const root = await tempProject();
    await rm(path.join(root, 'content/facts.yaml'));
    const made = (await import('node:child_process')).spawnSync('mkfifo', [path.join(root, 'content/facts.yaml')]);
    expect(made.status).toBe(0);
    expect(await errors(root)).toEqual([['MJZ124', 'content/facts.yaml', 'content/facts.yaml is a named pipe (FIFO), not a file']]);
    // and read directly, as the reader reads a file it was given
    expect((await readText(root, 'content/facts.yaml')).diagnostic?.code).toBe('MJZ124');
  });

  it('the article text or the dataset a folder: MJZ124 there, not "not found"', async () => {
    for (const file of ['content/article.txt', 'content/data/coalition-members.yaml']) {
      const root = await tempProject();
      await rm(path.join(root, file));
      await mkdir(path.join(root, file));
      expect(await errors(root), file).toEqual([['MJZ124', file, `${file} is a folder, not a file`]]);
    }
  });

  it('a folder with a file\'s name that nothing reads is no error', async () => {
    const root = await tempProject();
    await mkdir(path.join(root, 'content/old-notes.yaml'));
    expect(await errors(root)).toEqual([]);
  });

  it('content/ a file: one MJZ121 at it, and none of the files it would hold reported missing', async () => {
    const root = await tempProject();
    await rm(path.join(root, 'content'), { recursive: true });
    await writeFile(path.join(root, 'content'), 'x');
    expect(await errors(root)).toEqual([['MJZ121', 'content', 'Cannot read the folder content: it is a file']]);
  });
});
