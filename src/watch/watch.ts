import path from 'node:path';
import { stat } from 'node:fs/promises';
import { watch as chokidarWatch, type FSWatcher } from 'chokidar';
import { buildDecks, readProject, selectAudiences, type WrittenDeck } from '../api.js';
import { loadAudience, type TemplateSources } from '../audience/load.js';
import { isPicture } from '../audience/logo.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { withLineEnds } from '../diagnostics/yaml-source.js';
import { diffManifests, type DeckDiff } from '../manifest/diff.js';
import type { Manifest } from '../manifest/manifest.js';
import { partialsDrawnByDeck } from '../expand/tree.js';

/** The folders of a project that watch follows, under its root. */
const WATCHED = ['content', 'templates'];

export interface WatchOptions {
  root: string;
  /** Audiences to rebuild; with `all`, every audience. Default: briefing. */
  audiences?: readonly string[];
  all?: boolean;
  out?: string;
  /** Also write each deck's spec or context (as build --emit), at every rebuild. */
  emit?: readonly ('spec' | 'context')[];
  /**
   * Quiet period after a save before rebuilding (editors write files in several steps). More
   * than chokidar's 50 ms: it drops a second change of a file within 50 ms of the first, so with
   * a shorter wait a write that empties a file, stalls, then fills it could be rebuilt from the
   * empty file and the filling never reported. Default 60.
   */
  debounceMs?: number;
}

export type WatchEvent =
  | { type: 'ready'; watching: string[] }
  | { type: 'changed'; files: string[] }
  /** A deck rebuilt; `diagnostics` holds its warnings (for example, a stated figure that its quote does not contain). */
  | { type: 'built'; audience: string; ms: number; file: string; diff?: DeckDiff; diagnostics: Diagnostic[] }
  | { type: 'failed'; audience: string; diagnostics: Diagnostic[] }
  /**
   * A folder watch cannot follow (unreadable, or the system's limit on watched files reached):
   * saves there go unseen; watch goes on with the rest. Each folder and cause is said once.
   */
  | { type: 'unwatched'; diagnostics: Diagnostic[] };

export interface Watcher {
  /** Resolves once the first build is done and the files are watched. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * `mujaz watch`: builds, then rebuilds the affected decks whenever a file under content/ or
 * templates/ changes, reporting what changed on the slides (the summary of `mujaz diff`). A
 * broken save reports its problems and leaves the last good deck in place; the next good save
 * recovers.
 */
export function watchProject(options: WatchOptions, report: (event: WatchEvent) => void): Watcher {
  const root = path.resolve(options.root);
  // after close(), no more events (a build still running finishes its writes unreported)
  const onEvent = (event: WatchEvent) => {
    if (!closed) report(event);
  };
  const previous = new Map<string, Manifest>();
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let closed = false;

  /**
   * The audiences a set of changed files touches. Content, templates/ as a whole, anything else
   * under _shared/ and any theme.yaml touch all (a theme's label can be another audience's,
   * MJZ156: a copy made beside the briefing warns on the briefing too). A file of an audience's
   * folder touches it and the audiences that extend it; a shared partial, the audiences whose deck
   * includes it (or names it, missing) and has no partial of its own by that name.
   */
  const affected = (files: readonly string[], templates: TemplateSources): string[] | undefined => {
    const selected = selectAudiences(templates, options);
    const SHARED = /^templates\/_shared\/partials\/([^/]+)\.hbs$/;
    if (files.some((f) => !f.startsWith('templates/') || f === 'templates/' || (f.startsWith('templates/_shared/') && !SHARED.test(f)) || f.endsWith('/theme.yaml'))) return selected;
    const folders = new Set(files.filter((f) => !SHARED.test(f)).map((f) => f.split('/')[1]));
    const shared = files.flatMap((f) => SHARED.exec(f)?.[1] ?? []);
    return selected.filter((name) => {
      // (the map the build resolves its audiences from: each is resolved once for both)
      const audience = loadAudience(name, withLineEnds(templates)).audience;
      if (!audience) return true;
      if (audience.chain.some((a) => folders.has(a))) return true;
      if (!shared.length) return false;
      const drawn = partialsDrawnByDeck(audience.deck, audience.partials);
      return !drawn || shared.some((partial) => drawn.has(partial) && (audience.partials.get(partial)?.path ?? `templates/_shared/partials/${partial}.hbs`) === `templates/_shared/partials/${partial}.hbs`);
    });
  };

  const rebuild = async (files: readonly string[]) => {
    const started = performance.now();
    const project = await readProject(root); // each file read once per rebuild
    const names = files.length ? affected(files, project.templates.templates) : undefined;
    if (names && names.length === 0) return;
    const results: WrittenDeck[] = await buildDecks({
      root,
      project,
      out: options.out,
      all: !names && options.all,
      audiences: names ?? options.audiences,
      emit: options.emit,
      keepIdentical: true,
    });
    const reading = performance.now() - started - results.reduce((sum, r) => sum + r.ms, 0);
    for (const r of results) {
      if (!r.bytes || !r.manifest) {
        onEvent({ type: 'failed', audience: r.audience, diagnostics: r.diagnostics });
        continue;
      }
      const before = previous.get(r.audience);
      previous.set(r.audience, r.manifest);
      // each deck's own time, with its share of reading the project
      const ms = Math.round(r.ms + reading / results.length);
      onEvent({ type: 'built', audience: r.audience, ms, file: r.files[0]!, diff: before ? diffManifests(before, r.manifest) : undefined, diagnostics: r.diagnostics });
    }
  };

  /** A fault of mujaz's own, reported as a failed rebuild of every deck: watch goes on. */
  const unexpected = (error: unknown) => {
    onEvent({ type: 'failed', audience: '*', diagnostics: [{ code: 'MJZ900', severity: 'error', message: (error as Error).stack ?? String(error) }] });
  };

  /** Rebuilds, after the quiet period, for what was noted (paths relative to the root). */
  const note = (file: string) => {
    pending.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const files = [...pending].sort();
      pending = new Set();
      // Said when its rebuild starts (after any rebuild still running), so that what a rebuild
      // reports always follows the "changed" it answers.
      running = running
        .then(() => {
          if (closed) return;
          onEvent({ type: 'changed', files });
          return rebuild(files);
        })
        .catch(unexpected);
    }, options.debounceMs ?? 60);
  };
  const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');
  const schedule = (file: string) => {
    if (!/\.(ya?ml|txt|hbs)$/.test(file) && !isPicture(file)) return; // editors' and tools' temporary files (a logo is a picture)
    note(relative(file));
  };

  /*
   * The root is watched, filtered to content/ and templates/, rather than the two folders
   * themselves: a watch on a folder ends with the folder, so once content/ was moved away or
   * deleted nothing saw it come back (git stash and checkout, a copy put back). From the root,
   * chokidar sees the folder return and reports its files as added.
   *
   * What chokidar does not see is a folder replaced by another in one step (an editor's
   * safe-save of a folder: old one away, new one in; or deleted and copied back at once): when
   * it reads the parent again the name is still there, so it keeps watching the old folder,
   * wherever that now is, and never the new one. So each watched folder's inode is kept; when
   * the parent's watch reports something about that name (never on an ordinary save) and the
   * inode is another, chokidar is started again (a few dozen files) and the decks rebuilt.
   */
  const isOutside = (file: string) => {
    const rel = path.relative(root, file);
    return rel !== '' && !WATCHED.includes(rel.split(path.sep)[0]!);
  };
  const inodes = new Map<string, number>(); // each watched folder (absolute path) → its inode
  const remember = async (dir: string) => {
    try {
      const stats = await stat(dir);
      if (stats.isDirectory()) inodes.set(dir, stats.ino);
    } catch {
      // gone again already: its removal is reported as usual
    }
  };

  /**
   * What chokidar could not watch, as a warning (MJZ126): without a listener its `error` event
   * would end the process with a stack trace. Said once for each folder and cause, as the
   * watch may meet it again when it starts anew; a system limit, met at every file from then
   * on, once in all.
   */
  const told = new Set<string>();
  const unwatchable = (error: unknown) => {
    const e = error as NodeJS.ErrnoException;
    const where = typeof e.path === 'string' && e.path ? relative(path.resolve(root, e.path)) || '.' : undefined;
    const key = LIMITS.has(e.code ?? '') ? e.code! : `${e.code ?? e.message}\0${where ?? ''}`;
    if (told.has(key)) return;
    told.add(key);
    onEvent({ type: 'unwatched', diagnostics: [cannotWatch(e, where)] });
  };

  let watcher: FSWatcher | undefined;
  /** Watches the project (the watch in use from here on), resolving once its folders are known. */
  const start = async () => {
    const w = (watcher = chokidarWatch(root, { ignoreInitial: true, awaitWriteFinish: false, ignored: isOutside }));
    w.on('add', schedule).on('change', schedule).on('unlink', schedule).on('error', unwatchable);
    w.on('addDir', (dir) => void remember(dir)).on('unlinkDir', (dir) => inodes.delete(dir));
    w.on('raw', (_event, name, details) => {
      const parent = (details as { watchedPath?: string } | undefined)?.watchedPath;
      if (!name || !parent || inodes.has(path.resolve(parent, name))) verify();
    });
    await new Promise<void>((resolve) => w.once('ready', () => resolve()));
    inodes.clear();
    await Promise.all(Object.keys(w.getWatched()).filter((dir) => dir !== root && !isOutside(dir)).map(remember));
  };

  /** Begins the watch again if a watched folder is now another folder under the same name. */
  let verifying: Promise<void> = Promise.resolve();
  let verifyAgain = false;
  const verify = () => {
    if (verifyAgain) return; // one check queued is enough
    verifyAgain = true;
    verifying = verifying.then(async () => {
      verifyAgain = false;
      if (closed) return;
      const replaced: string[] = [];
      for (const [dir, ino] of inodes) {
        const now = await stat(dir).catch(() => undefined);
        if (now?.isDirectory() && now.ino !== ino) replaced.push(dir);
      }
      if (!replaced.length || closed) return;
      // Closed before the new one begins: chokidar shares one fs.watch per path between watchers.
      await watcher?.close();
      if (closed) return;
      await start();
      // The rebuild reads the project after the new watch is ready: a save made between the two is in it.
      for (const dir of replaced.filter((d) => !replaced.some((o) => d.startsWith(o + path.sep)))) note(`${relative(dir)}/`);
    }).catch(unexpected);
  };

  const ready = (async () => {
    await start();
    running = rebuild([]);
    await running;
    onEvent({ type: 'ready', watching: ['content/', 'templates/'] });
  })();

  return {
    ready,
    async close() {
      closed = true;
      clearTimeout(timer);
      await ready.catch(() => undefined);
      await verifying;
      await watcher?.close();
      await running;
    },
  };
}

/** Causes that are the system's limits, not the folder's: met at one file, they are met at the next. */
const LIMITS = new Set(['ENOSPC', 'EMFILE', 'ENFILE']);

/** MJZ126: a folder watch cannot follow, with what to do for its cause. */
function cannotWatch(error: NodeJS.ErrnoException, where: string | undefined): Diagnostic {
  const folder = where ?? 'the project';
  const others = LIMITS.has(error.code ?? '') ? ', nor perhaps the folders and files after it' : '';
  const diagnostic = (why: string, hint: string): Diagnostic => ({
    code: 'MJZ126',
    severity: 'warning',
    message: `watch cannot follow ${folder}${others}: ${why}, so a save there is not seen`,
    hint,
    ...(where ? { location: { file: where } } : {}),
  });
  switch (error.code) {
    case 'EACCES':
    case 'EPERM':
      return diagnostic('permission denied', `Make it readable to you (chmod u+rx ${where ?? '<folder>'}), or move it out of content/ and templates/; watch follows the rest of the project.`);
    case 'ENOSPC':
      return diagnostic(
        "the system's limit on watched files is reached (ENOSPC)",
        'Close other programs that watch many files (editors, other watchers), or raise the limit (on Linux: sudo sysctl fs.inotify.max_user_watches=524288); then start watch again.',
      );
    case 'EMFILE':
    case 'ENFILE':
      return diagnostic(`too many files are open (${error.code})`, 'Raise the limit of open files (ulimit -n 4096 in this shell), or close other programs that watch many files; then start watch again.');
    default:
      return diagnostic(error.message || String(error), 'Check the folder; then start watch again to follow it.');
  }
}
