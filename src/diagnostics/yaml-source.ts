import { isNode, isPair, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { Diagnostic, Location, Position } from './diagnostic.js';

/** A text file as read from disk: the only shape stages see of the file system. */
export interface SourceFile {
  path: string;
  text: string;
}

export interface ParsedYaml {
  file: SourceFile;
  value: unknown;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  diagnostics: Diagnostic[];
}

/** Alias expansion budget: bounds "billion laughs" documents. */
const MAX_ALIAS_COUNT = 100;

export function parseYaml(file: SourceFile): ParsedYaml {
  const lineCounter = new LineCounter();
  const text = file.text.charCodeAt(0) === 0xfeff ? file.text.slice(1) : file.text;
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const diagnostics: Diagnostic[] = [];
  const at = (offset: number): Position => toPosition(lineCounter.linePos(offset));
  for (const error of doc.errors) {
    diagnostics.push({
      code: 'MJZ100',
      severity: 'error',
      message: error.message.split('\n')[0]!,
      location: { file: file.path, start: at(error.pos[0]), end: at(error.pos[1]) },
      source: text,
      hint: error.code === 'DUPLICATE_KEY' ? 'Each key may appear once in a mapping; remove or rename the duplicate.' : undefined,
    });
  }
  let value: unknown = undefined;
  if (diagnostics.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      diagnostics.push({
        code: 'MJZ101',
        severity: 'error',
        message: (error as Error).message,
        location: { file: file.path },
        hint: 'Aliases (*name) may be expanded a limited number of times; write the values out.',
      });
    }
  }
  if (diagnostics.length === 0 && (value === null || value === undefined)) {
    diagnostics.push({ code: 'MJZ102', severity: 'error', message: `${file.path} is empty`, location: { file: file.path } });
  }
  return { file, value, doc, lineCounter, diagnostics };
}

/**
 * The location of the node at `path` (keys and indices), or of its nearest existing ancestor.
 * With `key: true`, the location of the mapping key itself (for unknown keys).
 */
export function locate(parsed: ParsedYaml, path: readonly PropertyKey[], options: { key?: boolean } = {}): Location {
  const { doc, lineCounter, file } = parsed;
  for (let depth = path.length; depth >= 0; depth--) {
    const sub = path.slice(0, depth) as (string | number)[];
    let range: [number, number, number?] | undefined | null;
    if (options.key && depth === path.length && depth > 0) {
      const parent = sub.length > 1 ? doc.getIn(sub.slice(0, -1), true) : doc.contents;
      if (isNode(parent) && 'items' in parent) {
        const pair = (parent.items as unknown[]).find((item) => isPair(item) && isScalar(item.key) && item.key.value === sub[sub.length - 1]);
        if (isPair(pair) && isNode(pair.key)) range = pair.key.range;
      }
    }
    if (!range) {
      const node = sub.length === 0 ? doc.contents : doc.getIn(sub, true);
      if (isNode(node)) range = node.range;
    }
    if (range) {
      return { file: file.path, start: toPosition(lineCounter.linePos(range[0])), end: toPosition(lineCounter.linePos(range[1])) };
    }
  }
  return { file: file.path };
}

function toPosition(pos: { line: number; col: number }): Position {
  return { line: pos.line, column: pos.col };
}
