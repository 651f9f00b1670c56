import { posix } from 'node:path';
import type { z } from 'zod';
import { didYouMean, editDistance, type Diagnostic } from '../diagnostics/diagnostic.js';
import { unquotedTextSlips } from '../diagnostics/stray-quote.js';
import { checkSchema, describePath } from '../diagnostics/schema.js';
import { locate, parseYaml, type ParsedYaml, type SourceFile } from '../diagnostics/yaml-source.js';
import { isKnownFace, KNOWN_FACES } from '../pptx/layout.js';
import { LOGO_MAX_BYTES, contentLogoSize, isPicture, logoSize, readPicture, type Logo, type Picture } from './logo.js';
import { ThemeFileSchema, ThemeSchema, type Theme } from './theme.js';

/** Every file under templates/, by path relative to the root. */
export type TemplateSources = ReadonlyMap<string, SourceFile>;

/** Partials every audience can use, below any audience's own. */
export const SHARED_DIR = 'templates/_shared';

export interface Audience {
  name: string;
  theme: Theme;
  deck: SourceFile;
  /** Partials by name, after precedence: the audience's own, then its parents', then shared. */
  partials: Map<string, SourceFile>;
  /** The audience and the ones it extends, nearest first. */
  chain: string[];
  /** The picture its theme names for the title slide, checked and measured. */
  logo?: Logo;
}

/** The audiences of a project: the folders of templates/ with a theme.yaml (not _shared). */
export function audienceNames(files: TemplateSources): string[] {
  const names = new Set<string>();
  for (const path of files.keys()) {
    const m = /^templates\/([^/_.][^/]*)\/theme\.yaml$/.exec(path);
    if (m) names.add(m[1]!);
  }
  return [...names].sort();
}

/** Folders of templates/ (not _shared) that hold files but no theme.yaml: audiences left incomplete (a theme.yml, say). */
export function incompleteAudiences(files: TemplateSources): string[] {
  const known = new Set(audienceNames(files));
  const names = new Set<string>();
  for (const path of files.keys()) {
    // (a folder of pictures only, say logos/, is no audience begun)
    const m = /^templates\/([^/_.][^/]*)\/.*\.(?:hbs|ya?ml)$/.exec(path);
    if (m && !known.has(m[1]!)) names.add(m[1]!);
  }
  return [...names].sort();
}

/** A file of templates/<name>/ that looks like its theme under another name (theme.yml, Theme.yaml). */
function misnamedTheme(name: string, files: TemplateSources): string | undefined {
  return [...files.keys()].find((f) => f.startsWith(`templates/${name}/`) && /\/[^/]*theme[^/]*\.ya?ml$/i.test(f));
}

/** What --all means: every audience, and every folder left incomplete, so that it is reported rather than skipped. */
export function allAudiences(files: TemplateSources): string[] {
  return [...audienceNames(files), ...incompleteAudiences(files)].sort();
}

function partialsOf(dir: string, files: TemplateSources): Map<string, SourceFile> {
  const out = new Map<string, SourceFile>();
  for (const [path, file] of files) {
    const m = new RegExp(`^${dir}/partials/([^/]+)\\.hbs$`).exec(path);
    if (m) out.set(m[1]!, file);
  }
  return out;
}

/** Objects merge key by key; a list or a value replaces what it overrides. */
function merge(base: unknown, over: unknown): unknown {
  if (base && over && typeof base === 'object' && typeof over === 'object' && !Array.isArray(base) && !Array.isArray(over)) {
    const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
    for (const [k, v] of Object.entries(over as Record<string, unknown>)) out[k] = merge(out[k], v);
    return out;
  }
  return over === undefined ? base : over;
}

/** An audience resolved, with the label its own theme.yaml writes (not one it inherits) and where. */
interface Resolved {
  audience?: Audience;
  diagnostics: Diagnostic[];
  /** (`at` is found only when reported: finding a place parses the file again, with positions) */
  ownLabel?: { value: string; at: () => Pick<Diagnostic, 'location' | 'source'> };
}

/**
 * Audiences already resolved, by project: by its map of files, never changed once made (a project
 * is read into a new map each time; compileAudience gets the same map back from withLineEnds).
 */
const resolvedByProject = new WeakMap<TemplateSources, Map<string, Resolved>>();

/**
 * Resolves an audience: follows `extends`, merges the themes (the audience's values win),
 * takes the nearest deck.hbs, and layers partials: the audience's own over its parents' over
 * templates/_shared/partials. Problems of a label shared with another audience are added too.
 */
export function loadAudience(name: string, files: TemplateSources): { audience?: Audience; diagnostics: Diagnostic[] } {
  const own = resolved(name, files);
  const result = { ...(own.audience ? { audience: own.audience } : {}), diagnostics: [...own.diagnostics] };
  if (!own.audience || !own.ownLabel || own.diagnostics.some((d) => d.code === 'MJZ156')) return result;
  // A label another audience that builds also writes as its own (a copy new-audience --from made,
  // not yet told who it is for): two decks would name the same readers. Not an audience this one
  // builds on or one that builds on it: that is the case of a label left as the parent's, above.
  const { chain } = own.audience;
  const label = own.ownLabel.value;
  const twin = audienceNames(files).find((other) => {
    if (chain.includes(other)) return false;
    // (the label its file writes first, a cheap test; only a match is resolved, to see that it builds)
    if (writtenLabel(files.get(`templates/${other}/theme.yaml`)!) !== label) return false;
    const theirs = resolved(other, files);
    return theirs.audience !== undefined && theirs.ownLabel?.value === label && !theirs.audience.chain.includes(name);
  });
  if (twin) {
    result.diagnostics.push({
      code: 'MJZ156',
      severity: 'warning',
      message: `The audiences "${name}" and "${twin}" have the same label ("${label}"), shown on their title slides: both decks would claim the same readers`,
      hint: `Write who each deck is for, in Arabic, on the label line of templates/${name}/theme.yaml or templates/${twin}/theme.yaml (a copy made with new-audience --from keeps the label of the audience it copied).`,
      ...own.ownLabel.at(),
    });
  }
  return result;
}

/** A label line as themes are written, `label: "…"` with no escape: its value without parsing the file. */
const PLAIN_LABEL = /^label:[ \t]*"([^"\\\n]*)"[ \t]*$/m;

/** The label a theme file writes at its top level, if any: read off a plain line, else parsed. */
function writtenLabel(file: SourceFile): unknown {
  const plain = PLAIN_LABEL.exec(file.text);
  if (plain) return plain[1];
  const value = parseYaml(file).value;
  return value && typeof value === 'object' ? (value as { label?: unknown }).label : undefined;
}

function resolved(name: string, files: TemplateSources): Resolved {
  let project = resolvedByProject.get(files);
  if (!project) resolvedByProject.set(files, (project = new Map()));
  let found = project.get(name);
  if (!found) project.set(name, (found = resolveAudience(name, files)));
  return found;
}

function resolveAudience(name: string, files: TemplateSources): Resolved {
  const known = audienceNames(files);
  // A folder of templates/ without its theme.yaml is an audience left incomplete, not an unknown one.
  if (incompleteAudiences(files).includes(name)) {
    const misnamed = misnamedTheme(name, files);
    return {
      diagnostics: [
        {
          code: 'MJZ151',
          severity: 'error',
          message: `The audience "${name}" has no theme.yaml`,
          hint: misnamed
            ? `Rename ${misnamed} to templates/${name}/theme.yaml: an audience is the folder that holds theme.yaml.`
            : `Add templates/${name}/theme.yaml (a line \`extends: briefing\` is enough to start from the briefing), or remove the folder.`,
          location: { file: `templates/${name}/theme.yaml` },
        },
      ],
    };
  }
  if (known.length === 0) {
    return {
      diagnostics: [
        {
          code: 'MJZ150',
          severity: 'error',
          message: 'No audience to build: templates/ has no audience folder',
          hint: 'An audience is a folder of templates/ holding theme.yaml and deck.hbs. `mujaz init NEW-FOLDER` makes a project with five to start from; copy the ones you want into this templates/.',
          location: { file: 'templates' },
        },
      ],
    };
  }
  if (!known.includes(name)) {
    const suggestion = didYouMean(name, known);
    return {
      diagnostics: [
        {
          code: 'MJZ150',
          severity: 'error',
          message: `Unknown audience "${name}"`,
          hint: `${suggestion ? `Did you mean "${suggestion}"? ` : ''}Known audiences: ${known.join(', ')}.`,
        },
      ],
    };
  }
  const diagnostics: Diagnostic[] = [];
  const chain: string[] = [];
  const themes: unknown[] = [];
  let current: string | undefined = name;
  let lastParsed: ParsedYaml | undefined;
  /** The theme.yaml that names the logo the audience draws (for its errors), and the one that names its picture for the other slides. */
  let logoNamedIn: ParsedYaml | undefined;
  let contentNamedIn: ParsedYaml | undefined;
  /** A theme named a logo of its own, and no picture for the other slides: the ones it extends name none for it. */
  let contentDropped = false;
  /** The audience's own theme file, parsed (the first of the chain). */
  let ownParsed: ParsedYaml | undefined;
  /** The `extends:` line of the audience that named `current`, for the two errors below. */
  const extendsLine = () => (lastParsed ? { location: locate(lastParsed, ['extends']), source: lastParsed.file.text } : {});
  while (current !== undefined) {
    if (chain.includes(current)) {
      diagnostics.push({ code: 'MJZ152', severity: 'error', message: `Audiences extend each other in a circle: ${[...chain, current].join(' → ')}`, ...extendsLine() });
      return { diagnostics };
    }
    const file = files.get(`templates/${current}/theme.yaml`);
    // (an audience it extends whose folder could not be listed: the reader has said why)
    if (!file && files.get(`templates/${current}/`)?.unlisted) return { diagnostics };
    if (!file) {
      const from = chain[chain.length - 1]!;
      const suggestion = didYouMean(current, known);
      const incomplete = incompleteAudiences(files).includes(current);
      const misnamed = incomplete ? misnamedTheme(current, files) : undefined;
      diagnostics.push({
        code: 'MJZ150',
        severity: 'error',
        message: incomplete ? `"${from}" extends "${current}", whose theme.yaml is missing` : `"${from}" extends "${current}", which is not an audience`,
        hint: incomplete
          ? `${misnamed ? `Rename ${misnamed} to templates/${current}/theme.yaml` : `Give templates/${current}/ its theme.yaml (a line \`extends: briefing\` is enough)`}; "${from}" builds again then.`
          : suggestion ? `Did you mean "${suggestion}"?` : `Known audiences: ${known.join(', ')}.`,
        ...extendsLine(),
      });
      return { diagnostics };
    }
    // (a folder or a pipe with the theme's name: said so, not "no theme.yaml")
    if (file.problem) return { diagnostics: [file.problem] };
    chain.push(current);
    const parsed = parseYaml(file);
    lastParsed = parsed;
    ownParsed ??= parsed;
    if (parsed.diagnostics.length) return { diagnostics: parsed.diagnostics };
    const checked: { value?: z.infer<typeof ThemeFileSchema>; diagnostics: Diagnostic[] } = checkSchema(ThemeFileSchema, parsed, `the theme of "${current}"`);
    // a label or marking cut by a ' #' (MJZ168) would reach the slides short, and one that ends
    // with a quote never opened (MJZ173) with a stray "
    const cuts = unquotedTextSlips(file);
    if (!checked.value || cuts.length) return { diagnostics: [...checked.diagnostics, ...cuts] };
    if (checked.value.logo && checked.value.logo.contentFile !== undefined) {
      if (contentDropped) {
        // (a nearer theme names a logo of its own, and no picture for the other slides: its own is drawn there)
        checked.value = { ...checked.value, logo: withoutContentFile(checked.value.logo) };
      } else {
        // (named, like the logo, from the folder of the theme that names it)
        const contentFile = posix.normalize(`templates/${current}/${checked.value.logo.contentFile}`);
        checked.value = { ...checked.value, logo: { ...checked.value.logo, contentFile } };
        contentNamedIn ??= parsed;
      }
    }
    if (checked.value.logo && checked.value.logo.file !== undefined) {
      // A logo is named from the folder of the theme that names it; the nearest one wins.
      const file = posix.normalize(`templates/${current}/${checked.value.logo.file}`);
      checked.value = { ...checked.value, logo: { ...checked.value.logo, file } };
      logoNamedIn ??= parsed;
      if (!contentNamedIn) contentDropped = true;
    }
    // A font named like one mujaz knows, but not it (Amiriy): the deck would name a font no
    // machine has, and every viewer would draw another, in silence (only preview sees it)
    for (const role of ['heading', 'body'] as const) {
      const font = checked.value.fonts?.[role];
      const near = font === undefined || isKnownFace(font) ? undefined : misspeltFace(font);
      if (!near) continue;
      diagnostics.push({
        code: 'MJZ158',
        severity: 'warning',
        message: `The font "${font}" (fonts.${role} in the theme of "${current}") is spelt like "${near}", not as it`,
        hint: `Did you mean "${near}"? The deck names its font as written, and PowerPoint or LibreOffice draws another wherever no font of that name is installed.`,
        location: locate(parsed, ['fonts', role]),
        source: parsed.file.text,
      });
    }
    themes.unshift(checked.value);
    current = checked.value.extends;
  }

  const merged = themes.reduce<Record<string, unknown>>((acc, t) => merge(acc, t) as Record<string, unknown>, {});
  if (merged.logo === false) delete merged.logo; // the nearest theme said: no logo
  const full = ThemeSchema.safeParse(merged, { jitless: true }); // see diagnostics/schema.ts
  if (!full.success) {
    for (const issue of full.error.issues) {
      // at the audience's own theme: the key under which the missing field goes (sizes:), when it has one
      const path = issue.path as (string | number)[];
      let depth = path.length - 1;
      while (depth > 0 && !ownParsed!.doc.hasIn(path.slice(0, depth))) depth--;
      const expected = /expected (\w+), received undefined/.exec(issue.message)?.[1];
      const wanted = expected && ({ object: 'a mapping', array: 'a list', string: 'a text', number: 'a number', boolean: 'true or false' } as Record<string, string>)[expected];
      diagnostics.push({
        code: 'MJZ112',
        severity: 'error',
        message: `The theme of "${name}" does not set ${describePath(issue.path)}${chain.length > 1 ? `, nor does ${chain.slice(1).join(' or ')}` : ''}${wanted ? ` (${wanted})` : `: ${issue.message}`}`,
        ...(depth > 0 ? { location: locate(ownParsed!, path.slice(0, depth), { key: true }), source: ownParsed!.file.text } : { location: { file: `templates/${name}/theme.yaml` } }),
      });
    }
    return { diagnostics };
  }

  let logo: Logo | undefined;
  if (full.data.logo) {
    // (a picture for the other slides that a theme this one extends names, where this one draws the logo on the title slide only: not drawn)
    const inherited = contentNamedIn !== undefined && contentNamedIn !== ownParsed;
    const spec = inherited && full.data.logo.slides !== 'all' ? withoutContentFile(full.data.logo) : full.data.logo;
    const found = checkLogo(spec, files, logoNamedIn!, contentNamedIn);
    if (found.diagnostic) return { diagnostics: [...diagnostics, found.diagnostic] };
    logo = found.logo;
  }

  // A label left as new-audience copied it: the title slide would name the parent's audience.
  const labelOf = (t: unknown) => (t as { label?: string }).label;
  const ownLabel = labelOf(themes[themes.length - 1]);
  const parentLabel = themes.slice(0, -1).reduce<string | undefined>((acc, t) => labelOf(t) ?? acc, undefined);
  if (chain.length > 1 && ownLabel !== undefined && ownLabel === parentLabel && ownParsed) {
    diagnostics.push({
      code: 'MJZ156',
      severity: 'warning',
      message: `The audience "${name}" has the same label as "${chain[1]}" ("${ownLabel}"), shown on its title slide: both decks would claim the same readers`,
      hint: `Write who this deck is for, in Arabic, on the label line of templates/${name}/theme.yaml (or delete the line to share "${chain[1]}"'s label on purpose).`,
      location: locate(ownParsed, ['label']),
      source: ownParsed.file.text,
    });
  }

  const deckOwner = chain.find((a) => files.has(`templates/${a}/deck.hbs`));
  const deckProblem = deckOwner === undefined ? undefined : files.get(`templates/${deckOwner}/deck.hbs`)!.problem;
  if (deckProblem) return { diagnostics: [...diagnostics, deckProblem] };
  if (!deckOwner) {
    diagnostics.push({ code: 'MJZ151', severity: 'error', message: `The audience "${name}" has no deck.hbs${chain.length > 1 ? `, nor does ${chain.slice(1).join(' or ')}` : ''}`, location: { file: `templates/${name}/deck.hbs` } });
    return { diagnostics };
  }
  const partials = partialsOf(SHARED_DIR, files);
  for (const a of [...chain].reverse()) for (const [n, f] of partialsOf(`templates/${a}`, files)) partials.set(n, f);
  const audience: Audience = { name, theme: full.data, deck: files.get(`templates/${deckOwner}/deck.hbs`)!, partials, chain, ...(logo ? { logo } : {}) };
  return { audience, diagnostics, ...(ownLabel !== undefined && ownParsed ? { ownLabel: { value: ownLabel, at: () => ({ location: locate(ownParsed!, ['label']), source: ownParsed!.file.text }) } } : {}) };
}

/** The logo a theme names: found among the templates, a PNG or JPEG of a sensible weight, measured; and its picture for the other slides, when it names one. */
function checkLogo(spec: NonNullable<Theme['logo']>, files: TemplateSources, namedIn: ParsedYaml, contentNamedIn: ParsedYaml | undefined): { logo?: Logo; diagnostic?: Diagnostic } {
  const title = checkPicture(spec.file, files, namedIn, 'file');
  if (!title.picture) return title;
  const { w, h } = logoSize(title.picture, spec.width ?? 1.5);
  if (w < 0.1 || h < 0.1) return title.fail(`${spec.file} is ${title.picture.width} × ${title.picture.height} pixels: drawn ${spec.width ?? 1.5} in wide and at most 1 in tall, it would be a line (${w} × ${h} in)`, 'Crop the picture closer to its mark.');
  const logo: Logo = { data: title.data, w, h, alt: spec.alt };
  // (the same picture named twice is the one logo)
  if (spec.contentFile === spec.file) spec = withoutContentFile(spec);
  if (spec.contentFile !== undefined && spec.slides !== 'all') {
    const at = contentNamedIn ?? namedIn;
    return {
      diagnostic: {
        code: 'MJZ155',
        severity: 'error',
        message: `The logo's contentFile ${spec.contentFile} is for the other slides, which draw no logo unless slides: all`,
        hint: 'Add slides: all under logo:, to draw the logo on every slide, or remove contentFile.',
        location: locate(at, ['logo', 'contentFile']),
        source: at.file.text,
      },
    };
  }
  if (spec.slides !== 'all') return { logo };
  const content = spec.contentFile === undefined ? title : checkPicture(spec.contentFile, files, contentNamedIn ?? namedIn, 'contentFile');
  if (!content.picture) return content;
  const name = spec.contentFile ?? spec.file;
  const onContent = contentLogoSize(logoSize(content.picture, spec.width ?? 1.5));
  if (onContent.w < 0.1 || onContent.h < 0.1) {
    return content.fail(
      `${name} is ${content.picture.width} × ${content.picture.height} pixels: drawn at most 2 in wide and 0.6 in tall beside the titles (slides: all), it would be a line there (${onContent.w} × ${onContent.h} in)`,
      `Crop the picture closer to its mark${spec.contentFile === undefined ? ', or keep it to the title slide (slides: title)' : ''}.`,
    );
  }
  return { logo: { ...logo, onContent: { ...onContent, ...(spec.contentFile !== undefined ? { data: content.data } : {}) } } };
}

/**
 * The known face a font name is a slip of the keyboard from (Amiriy, Noto Naskh Arabik): one or
 * two letters off, the words alike; not another face of a family (DejaVu Serif, Noto Sans Arabic
 * UI, Noto Sans Arabic Light), which is a font of its own.
 */
function misspeltFace(font: string): string | undefined {
  const name = font.trim().toLowerCase();
  return KNOWN_FACES.find((face) => {
    const known = face.toLowerCase();
    return !name.startsWith(`${known} `) && name.split(/\s+/).length === known.split(/\s+/).length && editDistance(name, known) <= Math.min(2, Math.floor(known.length / 4));
  });
}

const withoutContentFile = <L extends { contentFile?: string }>({ contentFile: _dropped, ...logo }: L): Omit<L, 'contentFile'> => logo;

type CheckedPicture = { picture?: undefined; data?: undefined; diagnostic?: Diagnostic; fail?: undefined } | { picture: Picture; data: string; diagnostic?: undefined; fail: (message: string, hint: string) => { diagnostic: Diagnostic } };

/** One picture a theme's logo names (its `key`: file or contentFile): there, a PNG or JPEG of a sensible weight that viewers draw upright. */
function checkPicture(name: string, files: TemplateSources, namedIn: ParsedYaml, key: 'file' | 'contentFile'): CheckedPicture {
  const at = { location: locate(namedIn, ['logo', key]), source: namedIn.file.text };
  const fail = (message: string, hint: string) => ({ diagnostic: { code: 'MJZ155' as const, severity: 'error' as const, message, hint, ...at } });
  const file = files.get(name);
  if (!name.startsWith('templates/') || !file) {
    // The pictures it could mean: in the theme's folder and in templates/_shared/, named from the theme's folder.
    const folder = posix.dirname(namedIn.file.path);
    const near = [...files.keys()].filter((f) => (posix.dirname(f) === folder || posix.dirname(f) === SHARED_DIR) && isPicture(f)).map((f) => posix.relative(folder, f));
    return fail(`The logo ${name} is not there`, near.length ? `Name one of the pictures there are: ${near.join(', ')} (from the theme's folder).` : `Put the picture in ${folder}/ and name it from there, e.g. ${key}: logo.png.`);
  }
  // (a folder or a pipe with the picture's name: said at the theme's line)
  if (file.problem) {
    const folder = file.problem.message.endsWith('is a folder, not a file');
    return { diagnostic: { ...file.problem, ...at, hint: `Put the picture itself, a PNG or JPEG file, at ${name}${folder ? " in the folder's place: move the folder away, or rename it" : ''}.` } };
  }
  if (file.refused || !file.bytes) return {}; // the reader has said why it was not read
  const picture = readPicture(file.bytes);
  if (!picture) return fail(`${name} is not a PNG or JPEG picture`, 'Save the logo as PNG (best for a logo, with a transparent background) or JPEG.');
  if (file.bytes.length > LOGO_MAX_BYTES) {
    return fail(`${name} weighs ${Math.ceil(file.bytes.length / 1024)} KB, and every deck of the audience would carry it`, `Save it smaller, under ${LOGO_MAX_BYTES / 1024} KB: a logo needs no more than about 600 pixels across.`);
  }
  if (picture.damaged) return fail(`${name} is a damaged PNG: ${picture.damaged}`, 'Export the picture again as PNG from its original; a viewer would draw a broken picture.');
  if (picture.unusual) return fail(`${name} is a JPEG coded in a way many viewers cannot draw (lossless or arithmetic)`, 'Save it again as an ordinary JPEG, or as PNG.');
  if (picture.orientation) {
    return fail(`${name} asks viewers to turn or mirror it (EXIF orientation ${picture.orientation}), which PowerPoint and LibreOffice do not all do`, 'Save it upright, e.g. with `convert logo.jpg -auto-orient logo.jpg`, or as PNG.');
  }
  return { picture, data: `image/${picture.type};base64,${Buffer.from(file.bytes).toString('base64')}`, fail };
}
