/**
 * Reading a template's tree: parsed once per process (the checks and the readers below share
 * it), the partials it includes and the sources it names.
 */
import Handlebars from 'handlebars';
import type { SourceFile } from '../diagnostics/yaml-source.js';
import { Lru } from '../util/lru.js';

/** Where Handlebars' lexer stood when it refused a template (lint.ts reads it for the error's place). */
export const LEXER_STATE = Symbol('mujaz.lexerState');
export interface LexerState {
  yylloc?: { first_line: number; first_column: number };
  /** How much of the text the lexer had not read. */
  rest?: number;
}

/** Parsed templates by text (the few a project has): the tree, or why Handlebars refused it. */
const PARSED = new Lru<string, { ast?: hbs.AST.Program; error?: unknown }>(256);

/** A template parsed once per process: the checks, and the reading of what it names, share it (they do not change it). */
export function parseTemplate(text: string): { ast?: hbs.AST.Program; error?: unknown } {
  return PARSED.get(text, () => {
    try {
      return { ast: Handlebars.parse(text) };
    } catch (error) {
      // Where the lexer stopped, kept with the error: the lexer is shared, and by the time the
      // error is reported (or read again from this cache) it has read other templates.
      const lexer = (Handlebars as unknown as { Parser?: { lexer?: { yylloc?: { first_line: number; first_column: number }; _input?: string } } }).Parser?.lexer;
      if (error && typeof error === 'object') Object.assign(error, { [LEXER_STATE]: { yylloc: lexer?.yylloc && { ...lexer.yylloc }, rest: lexer?._input?.length } });
      return { error };
    }
  });
}

const parsed = (text: string): hbs.AST.Program | undefined => parseTemplate(text).ast;

/** Visits every node of a template's tree (its places, `loc`, left out), until `visit` returns false. */
export function everyNode(root: unknown, visit: (node: hbs.AST.Node & Record<string, unknown>) => boolean | void): void {
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (!node || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    const n = node as hbs.AST.Node & Record<string, unknown>;
    if (visit(n) === false) return;
    for (const [key, value] of Object.entries(n)) if (key !== 'loc') stack.push(value);
  }
}

/** What each tree names, read once (a rebuild asks again of every template of the project). */
const NAMES = new WeakMap<hbs.AST.Program, { sources: string[]; partials: string[] }>();

/** What one template names: the ids in its {{source "ID"}} calls (in any quotes), and the partials it includes. */
function namesOf(ast: hbs.AST.Program): { sources: string[]; partials: string[] } {
  let names = NAMES.get(ast);
  if (!names) NAMES.set(ast, (names = readNames(ast)));
  return names;
}

function readNames(ast: hbs.AST.Program): { sources: string[]; partials: string[] } {
  const sources: string[] = [];
  const partials = partialCalls(ast).map((call) => call.name);
  everyNode(ast, (n) => {
    if (n.type === 'MustacheStatement' || n.type === 'SubExpression' || n.type === 'BlockStatement') {
      const path = n.path as hbs.AST.PathExpression | undefined;
      const first = (n.params as hbs.AST.Expression[] | undefined)?.[0];
      if (path?.original === 'source' && first?.type === 'StringLiteral') sources.push((first as hbs.AST.StringLiteral).value);
    }
  });
  return { sources, partials };
}

/** The source ids any of these templates names ({{source "ID"}}; comments are not read). */
export function sourcesNamedIn(files: Iterable<SourceFile>): Set<string> {
  const ids = new Set<string>();
  for (const file of files) {
    const ast = parsed(file.text);
    if (ast) namesOf(ast).sources.forEach((id) => ids.add(id));
  }
  return ids;
}

/** The source ids an audience's deck names, itself or through the partials it includes. */
export function sourcesNamedByDeck(deck: SourceFile, partials: ReadonlyMap<string, SourceFile>): Set<string> {
  const ids = new Set<string>();
  const seen = new Set<SourceFile>();
  const visit = (file: SourceFile | undefined) => {
    if (!file || seen.has(file)) return;
    seen.add(file);
    const ast = parsed(file.text);
    if (!ast) return;
    const names = namesOf(ast);
    names.sources.forEach((id) => ids.add(id));
    names.partials.forEach((name) => visit(partials.get(name)));
  };
  visit(deck);
  return ids;
}

/**
 * The names of the partials an audience's deck includes, itself or through the partials it
 * includes (one it names that does not exist, too); undefined when one of them does not parse,
 * and what it includes cannot be known.
 */
export function partialsDrawnByDeck(deck: SourceFile, partials: ReadonlyMap<string, SourceFile>): Set<string> | undefined {
  const names = new Set<string>();
  const seen = new Set<SourceFile>();
  const queue = [deck];
  for (const file of queue) {
    if (seen.has(file)) continue;
    seen.add(file);
    const ast = parsed(file.text);
    if (!ast) return undefined;
    for (const { name } of partialCalls(ast)) {
      names.add(name);
      const partial = partials.get(name);
      if (partial) queue.push(partial);
    }
  }
  return names;
}

/** The name a partial statement includes, when it is written out ({{> name}} or {{> "name"}}). */
export function partialName(node: hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement): string | undefined {
  const name = node.name as hbs.AST.Node;
  return name.type === 'PathExpression' ? (name as hbs.AST.PathExpression).original : name.type === 'StringLiteral' ? (name as hbs.AST.StringLiteral).value : undefined;
}

/** The partials each tree includes, found once (a rebuild asks again of every template, in several checks). */
const PARTIAL_CALLS = new WeakMap<hbs.AST.Program, readonly { name: string; node: hbs.AST.PartialStatement }[]>();

/** The partials a template includes by name (shared between callers: not to be changed). */
export function partialCalls(ast: hbs.AST.Program): readonly { name: string; node: hbs.AST.PartialStatement }[] {
  let calls = PARTIAL_CALLS.get(ast);
  if (!calls) PARTIAL_CALLS.set(ast, (calls = findPartialCalls(ast)));
  return calls;
}

function findPartialCalls(ast: hbs.AST.Program): { name: string; node: hbs.AST.PartialStatement }[] {
  const out: { name: string; node: hbs.AST.PartialStatement }[] = [];
  const stack: unknown[] = [ast];
  while (stack.length) {
    const node = stack.pop() as { type?: string; body?: unknown[]; program?: unknown; inverse?: unknown; name?: { type: string; original?: string } } | undefined;
    if (!node || typeof node !== 'object') continue;
    if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') {
      // ({{> part-slide}}, or its name in quotes, {{> "part-slide"}})
      const name = partialName(node as unknown as hbs.AST.PartialStatement);
      if (name !== undefined) out.push({ name, node: node as unknown as hbs.AST.PartialStatement });
    }
    if (node.body) stack.push(...node.body);
    stack.push(node.program, node.inverse);
  }
  return out.reverse();
}
