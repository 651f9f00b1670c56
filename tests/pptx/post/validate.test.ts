/**
 * The OOXML validator (../shared/ooxml/validate-pptx, Python 3 + lxml) on the
 * fixture decks: pptxgenjs' own output has errors, the finalized packages none.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finalizePackage } from '../../../src/pptx/post/index.js';
import { makeChartsDeck } from '../../fixtures/post/make-charts-deck.js';
import { makeDeck } from '../../fixtures/post/make-deck.js';
import { fixtureOptions, validatorPath } from '../../fixtures/post/options.js';

const PYTHON = '/usr/bin/python3';
let dir: string;

function validate(file: string): { status: number | null; output: string } {
  const run = spawnSync(PYTHON, [validatorPath, file], { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout ?? ''}${run.stderr ?? ''}${run.error ? String(run.error) : ''}` };
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'mujaz-post-validate-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('validate-pptx', () => {
  it('reports the known pptxgenjs defects on the raw fixture deck', async () => {
    const file = path.join(dir, 'raw.pptx');
    writeFileSync(file, await makeDeck());
    const { status, output } = validate(file);
    expect(status, output).toBe(1);
    expect(output).toContain('slideMaster2.xml, which is not in the package');
    expect(output).toContain("Element 'a:pPr': This element is not expected");
    expect(output).toContain("Element 'p:notesMasterIdLst': This element is not expected");
    expect(output).toContain("Element 'c:axId': This element is not expected");
    expect(output).toMatch(/shape id 3 \(p:cNvPr name "Table 0"\) is already used/);
  });

  it('finds 0 errors in the finalized fixture deck', async () => {
    const file = path.join(dir, 'final.pptx');
    writeFileSync(file, await finalizePackage(await makeDeck(), fixtureOptions()));
    const { status, output } = validate(file);
    expect(output, output).toMatch(/^0 errors in 0 parts$/m);
    expect(status, output).toBe(0);
  });

  it('finds 0 errors in the finalized second fixture (line, area, pie, 3-D bar, combo charts)', async () => {
    const deck = await makeChartsDeck();
    const rawFile = path.join(dir, 'charts-raw.pptx');
    writeFileSync(rawFile, deck);
    const before = validate(rawFile);
    expect(before.output).toContain("Element 'c:varyColors': This element is not expected. Expected is ( c:grouping )");
    expect(before.output).toContain("Element 'c:invertIfNegative': This element is not expected");
    const file = path.join(dir, 'charts-final.pptx');
    writeFileSync(file, await finalizePackage(deck, fixtureOptions()));
    const { status, output } = validate(file);
    expect(output, output).toMatch(/^0 errors in 0 parts$/m);
    expect(status, output).toBe(0);
  });
});
