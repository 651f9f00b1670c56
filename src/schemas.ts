import { z } from 'zod';
import { ThemeFileSchema } from './audience/theme.js';
import { ArticleFileSchema, FactsFileSchema, GroupingsFileSchema, SourcesFileSchema } from './content/schema.js';
import { DeckSpecSchema } from './spec/schema.js';

/**
 * The JSON Schemas for editors, generated from the zod schemas that are the single source of
 * truth. Committed under docs/schemas/ (npm run schemas); a test keeps them in step.
 */
export const SCHEMAS = {
  article: { schema: ArticleFileSchema, title: 'mujaz outline (content/article.yaml)' },
  facts: { schema: FactsFileSchema, title: 'mujaz facts (content/facts.yaml)' },
  sources: { schema: SourcesFileSchema, title: 'mujaz sources (content/sources.yaml)' },
  groups: { schema: GroupingsFileSchema, title: 'mujaz member groups (content/data/groups.yaml)' },
  theme: { schema: ThemeFileSchema, title: 'mujaz audience theme (templates/<audience>/theme.yaml)' },
  'deck-spec': { schema: DeckSpecSchema, title: 'mujaz deck spec (what templates produce)' },
} as const;

export type SchemaName = keyof typeof SCHEMAS;

export function jsonSchema(name: SchemaName): Record<string, unknown> {
  const { schema, title } = SCHEMAS[name];
  return { title, ...z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'any' }) };
}
