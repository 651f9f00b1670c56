/** What the tests of the YAML readers read (yaml-quick, yaml-pieces): the project's YAML files and deck specs, and random values. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { buildContext } from '../../src/audience/context.js';
import { loadAudience } from '../../src/audience/load.js';
import { prepareContent } from '../../src/build.js';
import { expandTemplates } from '../../src/expand/expand.js';
import { readContentFiles, readTemplateFiles } from '../../src/io/read.js';

export const REPO = path.resolve(import.meta.dirname, '../..');

/** The YAML files of the project: its content, its templates' themes, and the starter project's. */
export function projectYamlFiles(): string[] {
  return ['content', 'templates', 'src/init/starter'].flatMap((dir) =>
    readdirSync(path.join(REPO, dir), { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
      .map((e) => path.join(e.parentPath, e.name)),
  );
}

/** The deck spec every shipped audience expands to, as [audience, text]. */
export async function audienceSpecs(): Promise<[string, string][]> {
  const [content, templates] = await Promise.all([readContentFiles(REPO), readTemplateFiles(REPO)]);
  const prepared = prepareContent(content.content);
  return ['briefing', 'leadership', 'security', 'economy', 'media'].map((name) => {
    const { audience } = loadAudience(name, templates.content);
    return [name, expandTemplates(audience!, buildContext(name, audience!.theme, prepared.content!, prepared.facts, prepared.data)).text!];
  });
}

/**
 * A random value (scalars, sequences, mappings) to write as YAML: strings of any characters and
 * strings of `units` (the characters that matter to a reader), numbers (doubles too unless
 * `doubles` is false), booleans and null, in collections of up to `size` entries.
 */
export function yamlValue(units: readonly string[], { size, doubles = true }: { size: number; doubles?: boolean }): fc.Arbitrary<unknown> {
  const scalar = fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom(...units) }), fc.integer(), ...(doubles ? [fc.double()] : []), fc.boolean(), fc.constant(null));
  return fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('node'), { maxLength: size }), fc.dictionary(fc.string({ minLength: 1 }), tie('node'), { maxKeys: size })),
  })).node;
}
