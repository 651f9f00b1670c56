import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { buildDecks } from '../../src/api.js';
import { quickValue, type KnownValues } from '../../src/diagnostics/yaml-source.js';
import { BUDGET, CACHE_FOLDER, ParseCache } from '../../src/io/parse-cache.js';
import { REPO, replaceOnce, shippedContent, tempProject } from '../helpers/project.js';
import { prepareContent } from '../../src/build.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { unzipXml } from '../helpers/pptx.js';
import { otherUser } from '../helpers/other-user.js';

const CLI = path.join(REPO, 'dist/bin/mujaz.js');
const ID = { id: 'test-code' };
const cacheFile = (root: string) => path.join(root, CACHE_FOLDER, 'yaml.v8');

async function emptyRoot(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'mujaz-cache-'));
}

/** Rewrites the stored value of `text` in a project's cache (what a stale or planted entry would hold). */
async function plant(root: string, text: string, value: unknown, id = ID.id): Promise<void> {
  const cache = await ParseCache.open(root, { id });
  cache.put(text, { value });
  expect(await cache.save()).toBe(true);
}

describe('the parse cache (io/parse-cache.ts)', () => {
  it('gives back what was put, as a new object each time, and "yaml must read it" as null', async () => {
    const cache = await ParseCache.open(await emptyRoot(), ID);
    expect(cache.get('a: 1\n')).toBeUndefined();
    const value = { a: 1, when: new Date('2025-11-03T00:00:00Z'), list: ['x', null, -0, Infinity] };
    cache.put('a: 1\n', { value });
    const first = cache.get('a: 1\n');
    expect(first).toEqual({ value });
    expect(first!.value).not.toBe(value);
    (first!.value as { a: number }).a = 2; // (a stage that changed what it was given changes no later reading)
    expect(cache.get('a: 1\n')).toEqual({ value });
    cache.put('b: &x 1\n', undefined);
    expect(cache.get('b: &x 1\n')).toBeNull();
  });

  it('is written only when a run added to it, and read back by the same code only', async () => {
    const root = await emptyRoot();
    const cache = await ParseCache.open(root, ID);
    expect(await cache.save()).toBe(false);
    expect(existsSync(path.join(root, CACHE_FOLDER))).toBe(false);
    cache.put('a: 1\n', { value: { a: 1 } });
    expect(await cache.save()).toBe(true);
    expect((await ParseCache.open(root, ID)).get('a: 1\n')).toEqual({ value: { a: 1 } });
    // other code (another version of mujaz, a rebuilt bundle) starts afresh
    expect((await ParseCache.open(root, { id: 'other-code' })).get('a: 1\n')).toBeUndefined();
    // the folder says what it is, to git and to backup tools
    expect(await readFile(path.join(root, CACHE_FOLDER, '.gitignore'), 'utf8')).toMatch(/^\*$/m);
    expect(await readFile(path.join(root, CACHE_FOLDER, 'CACHEDIR.TAG'), 'utf8')).toMatch(/^Signature: 8a477f597d28d172789f06886806bc55$/m);
    // nothing else left in it (the temporary file of the atomic write is gone)
    expect((await readdir(path.join(root, CACHE_FOLDER))).sort()).toEqual(['.gitignore', 'CACHEDIR.TAG', 'yaml.v8']);
  });

  it('reads a damaged, foreign or oversized file as an empty cache, and a damaged entry as unknown', async () => {
    const root = await emptyRoot();
    await mkdir(path.join(root, CACHE_FOLDER));
    for (const bytes of [Buffer.from('not a cache'), Buffer.alloc(0), v8.serialize({ format: 1, id: ID.id, entries: 'x' }), v8.serialize({ format: 1, id: ID.id, entries: new Map([['k', { data: 'text', used: 1 }]]) }), v8.serialize([1, 2])]) {
      await writeFile(cacheFile(root), bytes);
      const cache = await ParseCache.open(root, ID);
      expect(cache.size).toBe(0);
    }
    // an entry whose bytes are not a value is read again, not an error
    const cache = await ParseCache.open(root, ID);
    cache.put('a: 1\n', { value: { a: 1 } });
    await cache.save();
    const stored = v8.deserialize(await readFile(cacheFile(root))) as { entries: Map<string, { data: Uint8Array }> };
    for (const entry of stored.entries.values()) entry.data = Uint8Array.from([0xff, 0x0f, 0x99]);
    await writeFile(cacheFile(root), v8.serialize(stored));
    expect((await ParseCache.open(root, ID)).get('a: 1\n')).toBeUndefined();
  });

  it('keeps the entries the last run used, and of the others no more than its budget', async () => {
    const root = await emptyRoot();
    const big = 'x'.repeat(BUDGET + 1024);
    const first = await ParseCache.open(root, ID);
    first.put('old: 1\n', { value: { text: big } });
    await first.save();
    expect((await ParseCache.open(root, ID)).get('old: 1\n')).toBeDefined(); // (the last run's, over the budget alone)
    const second = await ParseCache.open(root, ID);
    second.put('new: 1\n', { value: { text: big } });
    await second.save();
    const third = await ParseCache.open(root, ID);
    expect(third.get('new: 1\n')).toBeDefined();
    expect(third.get('old: 1\n')).toBeUndefined();
  });

  it('counts a use by a run that only read: an entry used again outlives one not used since', async () => {
    const root = await emptyRoot();
    const big = (tag: string) => ({ value: { tag, text: 'x'.repeat(BUDGET * 0.6) } });
    const run = async (work: (cache: ParseCache) => void) => {
      const cache = await ParseCache.open(root, ID);
      work(cache);
      return cache.save();
    };
    await run((c) => c.put('x: 1\n', big('x'))); // a branch's outline
    await new Promise((r) => setTimeout(r, 5));
    await run((c) => c.put('y: 1\n', big('y'))); // another branch's
    await new Promise((r) => setTimeout(r, 5));
    expect(await run((c) => expect(c.get('x: 1\n')).toBeTruthy())).toBe(true); // the first again: its use is written
    expect(await run((c) => expect(c.get('x: 1\n')).toBeTruthy())).toBe(false); // (and again: nothing new to write)
    await new Promise((r) => setTimeout(r, 5));
    await run((c) => c.put('z: 1\n', { value: { z: 1 } }));
    const last = await ParseCache.open(root, ID);
    expect(last.get('x: 1\n')).toBeTruthy();
    expect(last.get('y: 1\n')).toBeUndefined(); // (the two would hold more than the budget)
  });

  it('stays small over many edits: what an edit leaves behind is dropped past the budget, texts "yaml must read" too', async () => {
    const root = await emptyRoot();
    const outline = (i: number) => `article:\n  title: "${'ن'.repeat(50_000)} ${i}"\n`; // (an outline of about 100 kB, edited)
    for (let i = 0; i < 30; i++) {
      const cache = await ParseCache.open(root, ID);
      cache.put(outline(i), { value: { article: { title: `… ${i}` }, padding: 'ن'.repeat(50_000) } });
      for (let k = 0; k < 2000; k++) cache.put(`broken ${i} ${k}: &`, undefined);
      await cache.save();
    }
    const size = (await stat(cacheFile(root))).size;
    expect(size).toBeLessThan(BUDGET + 512 * 1024); // (the budget, and the last run's 2,000 entries and outline)
    const last = await ParseCache.open(root, ID);
    expect(last.get(outline(29))).toBeTruthy();
    expect(last.get(outline(0))).toBeUndefined();
  });

  it('passes over a cache file that is no regular file at once (a named pipe would wait for a writer; a device never ends)', async () => {
    const root = await emptyRoot();
    await mkdir(path.join(root, CACHE_FOLDER));
    if (process.platform !== 'win32') {
      expect(spawnSync('mkfifo', [cacheFile(root)]).status).toBe(0);
      const started = Date.now();
      expect((await ParseCache.open(root, ID)).size).toBe(0);
      expect(Date.now() - started).toBeLessThan(5000);
      await rm(cacheFile(root));
      await symlink('/dev/zero', cacheFile(root));
      expect((await ParseCache.open(root, ID)).size).toBe(0);
      await rm(cacheFile(root));
    }
    await mkdir(cacheFile(root)); // (a folder in its place)
    expect((await ParseCache.open(root, ID)).size).toBe(0);
  });

  it('writes its .gitignore into a folder made otherwise', async () => {
    const root = await emptyRoot();
    await mkdir(path.join(root, CACHE_FOLDER));
    const cache = await ParseCache.open(root, ID);
    cache.put('a: 1\n', { value: { a: 1 } });
    expect(await cache.save()).toBe(true);
    expect(await readFile(path.join(root, CACHE_FOLDER, '.gitignore'), 'utf8')).toMatch(/^\*$/m);
    // (and leaves one that is there as it is)
    await writeFile(path.join(root, CACHE_FOLDER, '.gitignore'), 'mine\n');
    cache.put('b: 1\n', { value: { b: 1 } });
    await cache.save();
    expect(await readFile(path.join(root, CACHE_FOLDER, '.gitignore'), 'utf8')).toBe('mine\n');
  });

  it('tells a lone surrogate from U+FFFD', async () => {
    const cache = await ParseCache.open(await emptyRoot(), ID);
    cache.put('a: "\uD800"\n', { value: { a: 'lone' } });
    expect(cache.get('a: "\uFFFD"\n')).toBeUndefined();
  });

  it('does not fail a build where it cannot be written', async () => {
    const root = await emptyRoot();
    await writeFile(path.join(root, CACHE_FOLDER), 'a file where the folder would be');
    const cache = await ParseCache.open(root, ID);
    cache.put('a: 1\n', { value: { a: 1 } });
    expect(await cache.save()).toBe(false);
  });

  it('spares js-yaml a text it read before (quickValue with known values)', () => {
    const asked: string[] = [];
    const stored = new Map<string, { value: unknown } | undefined>();
    const known: KnownValues = {
      get: (text) => (asked.push(text), stored.has(text) ? (stored.get(text) ?? null) : undefined),
      put: (text, found) => void stored.set(text, found),
    };
    expect(quickValue('a: 1\n', known)).toEqual({ value: { a: 1 } });
    expect(stored.get('a: 1\n')).toEqual({ value: { a: 1 } });
    // a value found is the one returned, without js-yaml
    stored.set('a: 1\n', { value: { a: 'from the cache' } });
    expect(quickValue('a: 1\n', known)).toEqual({ value: { a: 'from the cache' } });
    // a text yaml must read is remembered as such, and still goes to yaml
    expect(quickValue('a: &x 1\nb: *x\n', known)).toBeUndefined();
    expect(stored.has('a: &x 1\nb: *x\n') && stored.get('a: &x 1\nb: *x\n')).toBeUndefined();
    expect(quickValue('a: &x 1\nb: *x\n', known)).toBeUndefined();
    expect(asked).toHaveLength(4);
  });
});

describe('buildDecks with the parse cache', () => {
  it('builds the same bytes from the cache as without it, and reads what it kept', async () => {
    const root = await tempProject();
    // (first with the cache: a build without it would leave the texts parsed in this process,
    // which the content stage then reads from its own memo, not from the cache)
    const [first] = await buildDecks({ root, out: 'first', cache: ID });
    const [plain] = await buildDecks({ root, out: 'plain' });
    const [second] = await buildDecks({ root, out: 'second', cache: ID });
    expect(first!.bytes && second!.bytes).toBeTruthy();
    expect(Buffer.compare(first!.bytes!, plain!.bytes!)).toBe(0);
    expect(Buffer.compare(second!.bytes!, plain!.bytes!)).toBe(0);
    // (the content files and the spec are kept)
    const kept = await ParseCache.open(root, ID);
    for (const file of ['content/article.yaml', 'content/facts.yaml', 'content/sources.yaml', 'content/data/coalition-members.yaml']) {
      expect(kept.get(await readFile(path.join(root, file), 'utf8')), file).toBeTruthy();
    }
    expect(kept.size).toBeGreaterThan(5);

    // A value planted for the outline's very text is what the next build reads: proof that it
    // reads from the cache, and that the key is the text (an edit of the file misses it). (The
    // text is one this process has not parsed: one it has, the content stage reads from its memo.)
    const shipped = await readFile(path.join(root, 'content/article.yaml'), 'utf8');
    const value = (kept.get(shipped) as { value: { article: { title: string } } }).value;
    value.article.title = 'عنوان من الذاكرة';
    const outline = `${shipped}# planted\n`;
    await writeFile(path.join(root, 'content/article.yaml'), outline);
    await plant(root, outline, value);
    const [planted] = await buildDecks({ root, out: 'planted', cache: ID });
    expect(planted!.spec?.slides[0]?.title).toBe('عنوان من الذاكرة');
    // another code's cache is not read
    const another = `${shipped}# planted, read by other code\n`;
    await writeFile(path.join(root, 'content/article.yaml'), another);
    await plant(root, another, value);
    const [otherCode] = await buildDecks({ root, out: 'other', cache: { id: 'other-code' } });
    expect(otherCode!.spec?.slides[0]?.title).toBe(plain!.spec?.slides[0]?.title);
    expect(otherCode!.spec?.slides[0]?.title).not.toBe('عنوان من الذاكرة');
  });

  it('follows an edit: a changed figure is read again, on the slides and in the manifest', async () => {
    const root = await tempProject();
    const [before] = await buildDecks({ root, cache: ID });
    expect(before!.manifest!.facts['ffis.locations']?.value).toBe(28);
    // ffis.locations, 28 in the article: 29 in the fact, its quote, the outline's basis and the article
    for (const file of ['content/facts.yaml', 'content/article.yaml', 'content/article.txt']) {
      const at = path.join(root, file);
      let text = (await readFile(at, 'utf8')).replaceAll('في 28 موقعاً', 'في 29 موقعاً');
      if (file === 'content/facts.yaml') text = replaceOnce(text, 'value: 28\n', 'value: 29\n');
      await writeFile(at, text);
    }
    const [after] = await buildDecks({ root, cache: ID });
    expect(after!.diagnostics).toEqual([]);
    expect(after!.manifest!.facts['ffis.locations']?.value).toBe(29);
    const slides = [...(await unzipXml(after!.bytes!))].filter(([name]) => /^ppt\/slides\/slide\d+\.xml$/.test(name)).map(([, xml]) => xml);
    const shown = (xml: string[]) => xml.join('').match(/\b(?:28|29) موقعاً/g);
    expect(shown(slides)).toEqual(['29 موقعاً']);
  });

  it('reads a text the cache holds as one yaml must read with yaml, its errors in place, without asking js-yaml', async () => {
    const files = await shippedContent();
    const facts = files.get('content/facts.yaml')!;
    const plainFiles = new Map(files).set('content/facts.yaml', { ...facts, text: `${facts.text}facts: {\n` });
    // (another text with the same errors, new to this process: the content stage's own memo has not seen it)
    const broken = `${facts.text}facts:  {\n`;
    const cachedFiles = new Map(files).set('content/facts.yaml', { ...facts, text: broken });
    const where = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.location?.file}:${d.location?.start?.line}:${d.location?.start?.column}`);
    const plain = prepareContent(plainFiles);
    const asked: string[] = [];
    const known: KnownValues = {
      get: (text) => (asked.push(text), text === broken ? null : undefined),
      put: (text) => {
        if (text === broken) throw new Error('js-yaml read the text the cache holds');
      },
    };
    const cached = prepareContent(cachedFiles, known);
    expect(asked).toContain(broken);
    expect(where(plain.diagnostics).length).toBeGreaterThan(0);
    expect(where(plain.diagnostics)[0]).toMatch(/^MJZ\d+ content\/facts\.yaml:\d+:\d+$/);
    expect(where(cached.diagnostics)).toEqual(where(plain.diagnostics));
  });
});

describe('mujaz build and check keep the cache in the project', () => {
  const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it('writes .mujaz-cache/ beside content/, not with --no-cache, and builds the same deck from it', async () => {
    const root = await tempProject();
    const without = run(['build', '--no-cache', '--root', root, '--out', path.join(root, 'a')]);
    expect(without.status, without.stderr).toBe(0);
    expect(existsSync(path.join(root, CACHE_FOLDER))).toBe(false);
    const checked = run(['check', '--no-cache', '--root', root]);
    expect(checked.status, checked.stderr).toBe(0);
    expect(existsSync(path.join(root, CACHE_FOLDER))).toBe(false);
    for (const out of ['b', 'c']) {
      const r = run(['build', '--root', root, '--out', path.join(root, out)]);
      expect(r.status, r.stderr).toBe(0);
    }
    expect(existsSync(cacheFile(root))).toBe(true);
    const deck = (out: string) => readFile(path.join(root, out, 'briefing.pptx'));
    expect(Buffer.compare(await deck('b'), await deck('a'))).toBe(0);
    expect(Buffer.compare(await deck('c'), await deck('a'))).toBe(0);
    // the cache is not written again when the run added nothing to it
    const written = (await stat(cacheFile(root))).mtimeMs;
    // (the briefing, as the builds were: check without -a reads every audience's theme, which they did not)
    expect(run(['check', '-a', 'briefing', '--root', root]).status).toBe(0);
    expect((await stat(cacheFile(root))).mtimeMs).toBe(written);
    expect(run(['build', '--help']).stdout).toMatch(/--no-cache +neither read nor write \.mujaz-cache\//);
  });

  it('builds as usual past a damaged cache, and where the project cannot hold one', async () => {
    const root = await tempProject();
    await mkdir(path.join(root, CACHE_FOLDER));
    await writeFile(cacheFile(root), 'damaged');
    const r = run(['build', '--root', root]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/cache/i);
    expect(v8.deserialize(await readFile(cacheFile(root)))).toMatchObject({ format: 1 }); // (written anew)

    // a project folder mujaz may read but not write into: the deck goes to --out, no cache, no word
    const user = otherUser(CLI);
    if (user?.uid === undefined) return; // (not root, or no user nobody: the unwritable cache is tested above)
    const readOnly = await tempProject();
    const out = await mkdtemp(path.join(os.tmpdir(), 'mujaz-cache-out-'));
    await chmod(readOnly, 0o755);
    await chmod(out, 0o777);
    const asOther = spawnSync(process.execPath, [CLI, 'build', '--root', readOnly, '--out', out], { encoding: 'utf8', cwd: os.tmpdir(), ...user, env: { ...process.env, NO_COLOR: '1' } });
    expect(asOther.status, asOther.stderr).toBe(0);
    expect(existsSync(path.join(readOnly, CACHE_FOLDER))).toBe(false);
    await rm(out, { recursive: true, force: true });
  });
});
