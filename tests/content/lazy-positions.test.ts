/**
 * A clean build never reads a content file with positions: js-yaml's value is enough, and the
 * `yaml` parse that keeps every node's place (60–90 ms cold for the 1,500-line dataset) happens
 * only when a diagnostic asks where something is. A check that located its findings before it
 * had any once made every cold build that much slower; this test counts the parses.
 */
import { describe, expect, it, vi } from 'vitest';

const parsed: string[] = [];
vi.mock('yaml', async (original) => {
  const yaml = await original<typeof import('yaml')>();
  return {
    ...yaml,
    parseDocument: (text: string, ...rest: unknown[]) => {
      parsed.push(text.slice(0, 80));
      return (yaml.parseDocument as (...args: unknown[]) => unknown)(text, ...rest);
    },
  };
});

const { prepareContent } = await import('../../src/build.js');
const { shippedContent } = await import('../helpers/project.js');

describe('positions of content files', () => {
  it('are not parsed for the shipped content, which builds without a diagnostic', async () => {
    const prepared = prepareContent(await shippedContent());
    expect(prepared.diagnostics).toEqual([]);
    expect(parsed).toEqual([]);
  });

  it('are parsed for the file a diagnostic is located in, and only for it', async () => {
    const files = await shippedContent();
    const dataset = files.get('content/data/coalition-members.yaml')!;
    // a join date the build cannot read: an error located in the dataset
    files.set(dataset.path, { ...dataset, text: dataset.text.replace("joined: '2014'", "joined: 'Oct 2014'") });
    expect(files.get(dataset.path)!.text).not.toBe(dataset.text);
    parsed.length = 0;
    const prepared = prepareContent(files);
    expect(prepared.diagnostics.map((d) => d.code)).toEqual(['MJZ149']);
    expect(prepared.diagnostics[0]!.location?.start?.line).toBeGreaterThan(1);
    expect(parsed).toHaveLength(1);
  });
});
