import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFile, cp, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { withText } from '../helpers/png.js';
import { REPO, replaceOnce, tempProject } from '../helpers/project.js';

const CLI = path.join(REPO, 'dist/bin/mujaz.js');

/** A running `mujaz watch`, its output collected, with a bounded wait for a line to appear. */
function startWatch(root: string, args: string[] = [], cwd = root, node: { execArgv?: string[]; env?: Record<string, string> } = {}) {
  const child = spawn(process.execPath, [...(node.execArgv ?? []), CLI, 'watch', '--root', root, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...node.env } });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const waitFor = async (test: () => boolean, what: string, ms = 20_000) => {
    const until = Date.now() + ms;
    while (!test()) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}\n--- stdout\n${out}\n--- stderr\n${err}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  // (stdout without the isolates the change report puts around its Arabic text)
  return { child, out: () => out.replace(/[\u2068\u2069]/g, ''), err: () => err, waitFor };
}

let running: ChildProcess | undefined;
afterEach(() => {
  running?.kill('SIGTERM');
  running = undefined;
});

/** A copy of the project under `mujaz watch` (killed after the test), once its first build is done. */
async function watchedProject(args: string[] = []) {
  const root = await tempProject();
  const w = startWatch(root, args);
  running = w.child;
  await w.waitFor(() => w.err().includes('watching'), 'the first build');
  const facts = path.join(root, 'content/facts.yaml');
  return { root, w, facts, original: await readFile(facts, 'utf8') };
}

describe('mujaz watch', () => {
  it('rebuilds on save, says what changed, keeps the last good deck on a broken save, and recovers', async () => {
    const { root, w, facts, original } = await watchedProject();
    const deck = path.join(root, 'output/briefing.pptx');

    await writeFile(facts, replaceOnce(original, 'value: 28', 'value: 29'));
    await w.waitFor(() => w.out().includes('28 → 29'), 'the change summary');
    expect(w.out()).toContain('fact ffis.locations (مواقع المشاريع في العراق): 28 → 29');
    expect(w.out()).toMatch(/~ slide \d+ stats: سابقة العراق/);
    const good = await readFile(deck);

    await writeFile(facts, replaceOnce(original, '    label: "مواقع المشاريع في العراق"', '    label: "مواقع المشاريع في العراق'));
    await w.waitFor(() => w.err().includes('not rebuilt'), 'the error report');
    expect(w.err()).toMatch(/content\/facts\.yaml:\d+:\d+: error MJZ100/);
    expect(await readFile(deck)).toEqual(good);

    const before = w.err().split('✓').length;
    await writeFile(facts, replaceOnce(original, 'value: 28', 'value: 30'));
    await w.waitFor(() => w.err().split('✓').length > before && w.out().includes('29 → 30'), 'the recovery');
    expect(w.child.exitCode).toBeNull();
  }, 60_000);

  it('says which points of a chart changed after a save, as diff does', async () => {
    const { root, w } = await watchedProject();
    const data = path.join(root, 'content/data/coalition-members.yaml');
    await writeFile(data, replaceOnce(await readFile(data, 'utf8'), '- date: 2019-09\n  members: 81\n', '- date: 2019-09\n  members: 82\n'));
    await w.waitFor(() => w.out().includes('81 → 82'), 'the change summary');
    // (each line after the first indented under the audience's name)
    expect(w.out()).toContain(['briefing: ~ slide 5 chart: نمو التحالف منذ تشكيله في أيلول/سبتمبر 2014', '              point 2019: 81 → 82'].join('\n'));
  }, 60_000);

  it('rebuilds when the logo picture is replaced, and says the look changed', async () => {
    const root = await tempProject();
    await cp(path.join(REPO, 'tests/fixtures/logo.png'), path.join(root, 'templates/briefing/logo.png'));
    await appendFile(path.join(root, 'templates/briefing/theme.yaml'), 'logo:\n  file: logo.png\n  alt: "شعار الجهة"\n');
    const w = startWatch(root);
    running = w.child;
    await w.waitFor(() => w.err().includes('watching'), 'the first build');
    const deck = path.join(root, 'output/briefing.pptx');
    const first = await readFile(deck);
    const other = withText(await readFile(path.join(REPO, 'tests/fixtures/logo.png')), 'other'); // (the same picture, other bytes)
    await writeFile(path.join(root, 'templates/briefing/logo.png'), other);
    await w.waitFor(() => w.out().includes('the look changed'), 'the rebuild');
    expect(w.out()).toContain('briefing: the look changed: its logo\n');
    expect(await readFile(deck)).not.toEqual(first);
  }, 60_000);

  it('reports the warnings of each rebuild, and an error again when a later save is still broken', async () => {
    const { w, facts, original } = await watchedProject();
    const warned = (text: string) => text.split('warning MJZ145').length - 1;

    // a stated figure its quote does not say: built, with the warning
    const unquoted = replaceOnce(original, 'value: 1100', 'value: 1200');
    await writeFile(facts, unquoted);
    await w.waitFor(() => w.out().includes('1100 → 1200'), 'the change summary');
    expect(warned(w.err())).toBe(1);
    expect(w.err()).toMatch(/content\/facts\.yaml:\d+:\d+: warning MJZ145/);

    // another save that keeps it: said again, once for that rebuild
    await writeFile(facts, `${unquoted}\n# a comment\n`);
    await w.waitFor(() => warned(w.err()) === 2 && w.err().split('✓').length > 3, 'the second rebuild');

    // the same broken save twice: the error each time
    const broken = replaceOnce(original, '    label: "مواقع المشاريع في العراق"', '    label: "مواقع المشاريع في العراق');
    await writeFile(facts, broken);
    await w.waitFor(() => w.err().split('not rebuilt').length === 2, 'the first error report');
    await writeFile(facts, `${broken}\n# still broken\n`);
    await w.waitFor(() => w.err().split('not rebuilt').length === 3, 'the second error report');
    expect(w.err().split('error MJZ100').length - 1).toBe(2);
  }, 60_000);

  it('reports a problem of a shared partial once for the decks it stops, naming them, as build --all does', async () => {
    const { root, w } = await watchedProject(['--all']);
    const partial = path.join(root, 'templates/_shared/partials/title-slide.hbs');
    await writeFile(partial, `${await readFile(partial, 'utf8')}{{#each parts}}\n`);
    await w.waitFor(() => w.err().split('not rebuilt').length - 1 >= 2, 'the failed rebuilds');
    await new Promise((r) => setTimeout(r, 500)); // (the whole round)
    const reports = w.err().split('\n').filter((line) => /title-slide\.hbs:\d+:\d+: error MJZ160/.test(line));
    expect(reports, w.err()).toHaveLength(1);
    const failed = w.err().split('\n').filter((line) => line.includes('not rebuilt')).map((line) => /✗ (\S+):/.exec(line)?.[1]);
    expect(reports[0]).toContain(`(audiences: ${failed.join(', ')})`);
  }, 60_000);

  it('warns, and goes on, when it cannot follow a folder (unreadable, or the limit on watched files reached): no stack trace', async () => {
    // (the tests run as root, whom permissions do not stop: fs.watch is made to fail as it would)
    const root = await tempProject();
    const preload = path.join(root, 'fail-watch.cjs');
    await writeFile(
      preload,
      `const fs = require('node:fs');
const rules = JSON.parse(process.env.WATCH_FAILS);
const watch = fs.watch;
fs.watch = function (p, ...rest) {
  for (const [part, code] of Object.entries(rules)) if (String(p).includes(part)) throw Object.assign(new Error(code + ': watch ' + p), { code, syscall: 'watch', path: String(p) });
  return watch.call(this, p, ...rest);
};
`,
    );
    await mkdir(path.join(root, 'content/private'));
    const w = startWatch(root, [], root, { execArgv: ['--require', preload], env: { WATCH_FAILS: JSON.stringify({ [`content${path.sep}private`]: 'EACCES', [`templates${path.sep}_shared`]: 'ENOSPC' }) } });
    running = w.child;
    await w.waitFor(() => w.err().includes('watching'), 'the first build');
    expect(w.err()).toContain('content/private: warning MJZ126: watch cannot follow content/private: permission denied, so a save there is not seen');
    expect(w.err()).toContain('hint: Make it readable to you (chmod u+rx content/private)');
    // a system limit is said once, however many files meet it after the first
    expect(w.err().match(/MJZ126[^\n]*ENOSPC/g)).toEqual([expect.stringContaining('watch cannot follow templates/_shared, nor perhaps the folders and files after it')]);
    expect(w.err()).toContain('sudo sysctl fs.inotify.max_user_watches');
    // a folder made while it watches, likewise; and the rest is still followed
    await mkdir(path.join(root, 'content/private2'));
    await w.waitFor(() => w.err().includes('cannot follow content/private2'), 'the warning for the new folder');
    const facts = path.join(root, 'content/facts.yaml');
    await writeFile(facts, replaceOnce(await readFile(facts, 'utf8'), 'value: 28', 'value: 29'));
    await w.waitFor(() => w.out().includes('28 → 29'), 'the rebuild');
    expect(w.err()).not.toMatch(/\n\s+at |Emitted 'error'|node:internal/);
    expect(w.child.exitCode).toBeNull();
  }, 60_000);

  it('stops, exit 1, when its first build fails for want of the project, the audience or a place to write (no save mends it)', async () => {
    const root = await tempProject();
    await writeFile(path.join(root, 'afile'), 'x');
    for (const [args, says] of [
      [['--root', path.join(root, 'nosuch')], 'error MJZ123'],
      // (one problem, however many decks it stops)
      [['--root', path.join(root, 'nosuch'), '-a', 'briefing', '-a', 'media'], 'error MJZ123'],
      [['--root', root, '-a', 'nosuch'], 'error MJZ150'],
      [['--root', root, '--out', path.join(root, 'afile')], 'error MJZ190'],
    ] as const) {
      const r = await new Promise<{ code: number | null; err: string }>((resolve) => {
        const child = spawn(process.execPath, [CLI, 'watch', ...args], { env: { ...process.env, NO_COLOR: '1' } });
        let err = '';
        child.stderr.on('data', (d: Buffer) => (err += d.toString()));
        const timer = setTimeout(() => child.kill('SIGTERM'), 20_000);
        child.on('close', (code) => (clearTimeout(timer), resolve({ code, err })));
      });
      expect(r.code, r.err).toBe(1);
      expect(r.err).toContain(says);
      expect(r.err).toContain('watch stops: this problem is not mended by saving a file');
      expect(r.err).not.toContain('watching ');
    }
  }, 90_000);

  it('watches several audiences, -a after -a, and names the files from the folder it runs in', async () => {
    const root = await tempProject();
    const w = startWatch(path.basename(root), ['-a', 'briefing', '-a', 'media'], path.dirname(root));
    running = w.child;
    const base = path.basename(root);
    await w.waitFor(() => w.err().includes('watching'), 'the first build');
    expect(w.err()).toContain(`watching ${base}/content/ and ${base}/templates/ (Ctrl-C to stop)`);
    expect(w.err()).toMatch(new RegExp(`✓ briefing → ${base}/output/briefing\\.pptx[\\s\\S]*✓ media → ${base}/output/media\\.pptx`));
    const facts = path.join(root, 'content/facts.yaml');
    await writeFile(facts, replaceOnce(await readFile(facts, 'utf8'), '    label: "مواقع المشاريع في العراق"', '    label: "مواقع المشاريع في العراق'));
    await w.waitFor(() => (w.err().match(/not rebuilt/g) ?? []).length === 2, 'both decks not rebuilt');
    expect(w.err()).toContain(`changed: ${base}/content/facts.yaml`);
    expect(w.err()).toMatch(new RegExp(`^${base}/content/facts\\.yaml:\\d+:\\d+: error MJZ100`, 'm'));
  }, 60_000);

  it('rebuilds only the decks a template file is drawn in: a shared partial, the audiences that include it without a copy of their own', async () => {
    const { root, w } = await watchedProject(['--all']);
    /** The decks the rebuild after saving `file` reports (a round is printed in one go). */
    const rebuilt = async (file: string) => {
      const at = w.err().length;
      await appendFile(path.join(root, file), '{{!-- a note of the author --}}\n');
      await w.waitFor(() => /^[✓✗] /m.test(w.err().slice(at)), `the rebuild after ${file}`);
      return [...w.err().slice(at).matchAll(/^[✓✗] (\w+)/gm)].map((m) => m[1]).sort();
    };
    // (gains-table: the briefing's alone; composition-chart: the briefing's and the media deck's)
    expect(await rebuilt('templates/_shared/partials/gains-table.hbs')).toEqual(['briefing']);
    expect(await rebuilt('templates/_shared/partials/composition-chart.hbs')).toEqual(['briefing', 'media']);
    // the media deck has its own title-slide: the shared one is the others'
    expect(await rebuilt('templates/_shared/partials/title-slide.hbs')).toEqual(['briefing', 'economy', 'leadership', 'security']);
    expect(await rebuilt('templates/media/partials/title-slide.hbs')).toEqual(['media']);
    expect(w.out()).not.toMatch(/: (?!no differences)/);
  }, 60_000);

  it('rebuilds the deck it watches when another audience copies its label, and says so (MJZ156)', async () => {
    const { root, w } = await watchedProject();
    expect(w.err()).not.toContain('MJZ156');
    const deck = path.join(root, 'output/briefing.pptx');
    const before = await stat(deck);
    const made = spawnSync(process.execPath, [CLI, 'new-audience', 'dip', '--from', 'briefing', '--root', root], { encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    await w.waitFor(() => w.err().includes('warning MJZ156'), 'the warning on the briefing');
    expect(w.err()).toMatch(/templates\/briefing\/theme\.yaml:\d+:8: warning MJZ156: The audiences "briefing" and "dip" have the same label/);
    await w.waitFor(() => w.out().includes('briefing: no differences'), 'the change report');
    // a deck that came out the same is not replaced (a viewer may hold it open: Windows would refuse)
    const after = await stat(deck);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  }, 60_000);

  it('writes the spec at every rebuild with --emit spec', async () => {
    const { root, w, facts, original } = await watchedProject(['--emit', 'spec']);
    const spec = path.join(root, 'output/briefing.spec.json');
    expect(await readFile(spec, 'utf8')).toContain('في 28 موقعاً');
    await writeFile(facts, replaceOnce(original, 'value: 28', 'value: 29'));
    await w.waitFor(() => w.out().includes('28 → 29'), 'the rebuild');
    const after = await readFile(spec, 'utf8');
    expect(after).toContain('في 29 موقعاً');
    expect(after).not.toContain('في 28 موقعاً');
  }, 60_000);

  it('reports a save made while the previous rebuild runs in full, after that rebuild', async () => {
    const { w, facts, original } = await watchedProject(['--all']);
    const unquoted = replaceOnce(original, 'value: 1100', 'value: 1200');
    const built = () => w.err().split('✓').length - 1;
    const first = built();
    // the second save lands as soon as the first one's rebuild (five decks) has begun
    await writeFile(facts, unquoted);
    await w.waitFor(() => w.err().includes('changed: content/facts.yaml'), 'the first rebuild to begin', 20_000);
    await writeFile(facts, `${unquoted}\n# saved again\n`);
    await w.waitFor(() => built() === first + 10, 'both rebuilds');
    const err = w.err();
    expect(err.split('changed: content/facts.yaml').length - 1).toBe(2);
    expect(err.split('warning MJZ145').length - 1).toBe(2); // once per rebuild, the second not lost
    // each "changed" comes before what its rebuild reports
    const second = err.lastIndexOf('changed: content/facts.yaml');
    expect(err.indexOf('warning MJZ145', second)).toBeGreaterThan(second);
  }, 60_000);

  // A folder replaced as a whole (git stash or checkout, an editor's safe-save, a copy put back):
  // watch follows the new folder, rebuilds from it, and sees the saves made in it afterwards.
  describe('when a watched folder is replaced', () => {
    type Watch = ReturnType<typeof startWatch>;
    const failed = (w: Watch) => w.err().split('not rebuilt').length - 1;
    /** Whether, since `from` (a length of stderr), a rebuild for a change naming `changed` has been built. */
    const rebuiltSince = (w: Watch, from: number, changed: string) => () => {
      const since = w.err().slice(from);
      const at = since.split('\n').findIndex((line) => line.startsWith('changed: ') && line.includes(changed));
      return at >= 0 && since.split('\n').slice(at + 1).some((line) => line.startsWith('✓ briefing'));
    };
    /** A save of the briefing's deck.hbs (in the folder now in place) rebuilds, and watch runs on. */
    const laterSaveRebuilds = async (w: Watch, root: string) => {
      const from = w.err().length;
      await appendFile(path.join(root, 'templates/briefing/deck.hbs'), '# saved later\n');
      await w.waitFor(rebuiltSince(w, from, 'templates/briefing/deck.hbs'), 'the rebuild after a later save');
      expect(w.child.exitCode).toBeNull();
    };

    it('recovers once content/ is moved away and back', async () => {
      const { root, w, facts, original } = await watchedProject();
      await rename(path.join(root, 'content'), path.join(root, 'c.bak'));
      await w.waitFor(() => failed(w) >= 1, 'the report of the missing content');
      expect(w.err()).toContain('error MJZ120: Missing content file content/facts.yaml');

      let from = w.err().length;
      await rename(path.join(root, 'c.bak'), path.join(root, 'content'));
      await w.waitFor(rebuiltSince(w, from, 'content/'), 'the rebuild once content/ is back');

      from = w.err().length;
      await writeFile(facts, replaceOnce(original, 'value: 28', 'value: 29'));
      await w.waitFor(() => w.out().includes('28 → 29') && rebuiltSince(w, from, 'content/facts.yaml')(), 'the rebuild after a later save');
      expect(w.child.exitCode).toBeNull();
    }, 90_000);

    it('recovers once content/ is deleted and later created again', async () => {
      const { root, w, facts, original } = await watchedProject();
      await rm(path.join(root, 'content'), { recursive: true });
      await w.waitFor(() => failed(w) >= 1, 'the report of the missing content');

      const from = w.err().length;
      await cp(path.join(REPO, 'content'), path.join(root, 'content'), { recursive: true });
      await w.waitFor(rebuiltSince(w, from, 'content/'), 'the rebuild once content/ is back');

      await writeFile(facts, replaceOnce(original, 'value: 28', 'value: 29'));
      await w.waitFor(() => w.out().includes('28 → 29'), 'the rebuild after a later save');
    }, 90_000);

    it('follows content/ swapped for a new copy in one step, and not the old one', async () => {
      const { root, w, facts, original } = await watchedProject();
      // the new folder is made beside the old one, then put in its place (old away, new in)
      const fresh = path.join(root, 'content.new');
      await cp(path.join(root, 'content'), fresh, { recursive: true });
      await writeFile(path.join(fresh, 'facts.yaml'), replaceOnce(original, 'value: 28', 'value: 29'));
      await rename(path.join(root, 'content'), path.join(root, 'content.old'));
      await rename(fresh, path.join(root, 'content'));
      await w.waitFor(() => w.out().includes('28 → 29'), 'the rebuild from the new content/');

      await writeFile(facts, replaceOnce(original, 'value: 28', 'value: 30'));
      await w.waitFor(() => w.out().includes('29 → 30'), 'the rebuild after a save in the new content/');

      // a save in the folder put away is not the project's: nothing is rebuilt for it (a watch
      // still on the old folder would report it as content/facts.yaml). Its absence is waited
      // for well past the 60 ms quiet period; then the next save in content/ rebuilds.
      const from = w.err().length;
      await appendFile(path.join(root, 'content.old/facts.yaml'), '\n# not the project\n');
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(w.err().slice(from)).not.toMatch(/^changed: /m);
      await writeFile(facts, replaceOnce(original, 'value: 28', 'value: 31'));
      await w.waitFor(() => w.out().includes('30 → 31'), 'the rebuild after the next save');
      expect(w.err().slice(from).match(/^changed: .*$/gm)).toEqual(['changed: content/facts.yaml']);
    }, 90_000);

    it('recovers once templates/ is deleted and created again', async () => {
      const { root, w } = await watchedProject();
      const templates = path.join(root, 'templates');
      await rm(templates, { recursive: true });
      await w.waitFor(() => failed(w) >= 1, 'the report of the missing templates');

      const from = w.err().length;
      await cp(path.join(REPO, 'templates'), templates, { recursive: true });
      await w.waitFor(rebuiltSince(w, from, 'templates/'), 'the rebuild once templates/ is back');
      await laterSaveRebuilds(w, root);
    }, 90_000);

    it('follows an audience folder swapped for a new copy in one step', async () => {
      const { root, w } = await watchedProject();
      const briefing = path.join(root, 'templates/briefing');
      const from = w.err().length;
      await cp(briefing, `${briefing}.new`, { recursive: true });
      await appendFile(`${briefing}.new/deck.hbs`, '# swapped in\n');
      await rename(briefing, `${briefing}.old`);
      await rename(`${briefing}.new`, briefing);
      await w.waitFor(rebuiltSince(w, from, 'templates/briefing/'), 'the rebuild from the new templates/briefing/');
      await laterSaveRebuilds(w, root);
    }, 90_000);
  });
});

describe('watchProject (the library)', () => {
  it('says nothing after close(), even when closed before its first build ends', async () => {
    const { watchProject } = await import('../../src/index.js');
    const root = await tempProject();
    const events: string[] = [];
    let closed = false;
    const watcher = await watchProject({ root, all: true }, (event) => events.push(`${closed ? 'after close: ' : ''}${event.type}`));
    closed = true;
    await watcher.close();
    await watcher.ready;
    expect(events.filter((e) => e.startsWith('after close'))).toEqual([]);
  }, 60_000);
});
