import type { ArticleFile } from './schema.js';

/** The outline as the article file holds it (the validated file, or the Content built from it). */
export interface Outline {
  article: ArticleFile['article'];
  parts: ArticleFile['parts'];
  tables?: ArticleFile['tables'];
  highlights?: ArticleFile['highlights'];
}

/**
 * Every text of the outline that may hold [[fact]] references, with its path in the article
 * file: the one list of them, for the checks of references and of unused facts (the render
 * stage's context fills the same fields).
 */
export function* outlineTexts(outline: Outline): Generator<{ text: string; path: PropertyKey[] }> {
  yield { text: outline.article.title, path: ['article', 'title'] };
  if (outline.article.subtitle !== undefined) yield { text: outline.article.subtitle, path: ['article', 'subtitle'] };
  for (const [p, part] of outline.parts.entries()) {
    yield { text: part.heading, path: ['parts', p, 'heading'] };
    yield { text: part.short, path: ['parts', p, 'short'] };
    yield { text: part.notes, path: ['parts', p, 'notes'] };
    for (const [i, point] of part.points.entries()) yield { text: point.text, path: ['parts', p, 'points', i, 'text'] };
  }
  for (const [id, table] of Object.entries(outline.tables ?? {})) {
    yield { text: table.title, path: ['tables', id, 'title'] };
    for (const [c, column] of table.columns.entries()) yield { text: column, path: ['tables', id, 'columns', c] };
    for (const [r, row] of table.rows.entries()) for (const [c, cell] of row.cells.entries()) yield { text: cell, path: ['tables', id, 'rows', r, 'cells', c] };
  }
  for (const [id, points] of Object.entries(outline.highlights ?? {})) {
    for (const [i, point] of points.entries()) yield { text: point.text, path: ['highlights', id, i, 'text'] };
  }
}
