/** Where each content file lives, relative to the project root. */
export const CONTENT_FILES = {
  article: 'content/article.yaml',
  facts: 'content/facts.yaml',
  sources: 'content/sources.yaml',
  dataset: 'content/data/coalition-members.yaml',
  groupings: 'content/data/groups.yaml',
} as const;

export type ContentFileKey = keyof typeof CONTENT_FILES;

/** Fact references inside content text: [[coalition.members]]. */
export const FACT_REF = /\[\[\s*([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*)\s*\]\]/g;
