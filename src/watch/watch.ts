import path from 'node:path';
import { watch as chokidarWatch } from 'chokidar';
import { buildDecks, DEFAULT_AUDIENCE, readProject, type WrittenDeck } from '../api.js';
import { audienceNames, loadAudience, type TemplateSources } from '../audience/load.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diffManifests, type DeckDiff } from '../manifest/diff.js';
import type { Manifest } from '../manifest/manifest.js';

export interface WatchOptions {
  root: string;
  /** Audiences to rebuild; with `all`, every audience. Default: briefing. */
  audiences?: string[];
  all?: boolean;
  out?: string;
  /** Quiet period after a save before rebuilding (editors write files in several steps). */
  debounceMs?: number;
}

export type WatchEvent =
  | { type: 'ready'; watching: string[] }
  | { type: 'changed'; files: string[] }
  /** A deck rebuilt; `diagnostics` holds its warnings (for example, a stated figure that its quote does not contain). */
  | { type: 'built'; audience: string; ms: number; file: string; diff?: DeckDiff; diagnostics: Diagnostic[] }
  | { type: 'failed'; audience: string; diagnostics: Diagnostic[] };

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
export function watchProject(options: WatchOptions, onEvent: (event: WatchEvent) => void): Watcher {
  const root = path.resolve(options.root);
  const previous = new Map<string, Manifest>();
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let closed = false;

  /** The audiences a set of changed files touches: content and shared partials touch all. */
  const affected = (files: readonly string[], templates: TemplateSources): string[] | undefined => {
    const selected = options.all ? audienceNames(templates) : options.audiences?.length ? options.audiences : [DEFAULT_AUDIENCE];
    if (files.some((f) => !f.startsWith('templates/') || f.startsWith('templates/_shared/'))) return selected;
    const folders = new Set(files.map((f) => f.split('/')[1]));
    return selected.filter((name) => {
      const chain = loadAudience(name, templates).audience?.chain ?? [name];
      return chain.some((a) => folders.has(a));
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

  const schedule = (file: string) => {
    if (!/\.(ya?ml|txt|hbs)$/.test(file)) return; // editors' and tools' temporary files
    pending.add(path.relative(root, file).split(path.sep).join('/'));
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
        .catch((error: unknown) => {
          onEvent({ type: 'failed', audience: '*', diagnostics: [{ code: 'MJZ900', severity: 'error', message: (error as Error).stack ?? String(error) }] });
        });
    }, options.debounceMs ?? 40);
  };

  const watched = ['content', 'templates'].map((d) => path.join(root, d));
  const watcher = chokidarWatch(watched, { ignoreInitial: true, awaitWriteFinish: false });
  watcher.on('add', schedule).on('change', schedule).on('unlink', schedule);

  const ready = (async () => {
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
    running = rebuild([]);
    await running;
    onEvent({ type: 'ready', watching: ['content/', 'templates/'] });
  })();

  return {
    ready,
    async close() {
      closed = true;
      clearTimeout(timer);
      await watcher.close();
      await running;
    },
  };
}
