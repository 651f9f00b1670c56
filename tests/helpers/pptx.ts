import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { REPO } from './project.js';

export type Parts = Map<string, string>;

/** Every XML part of a package, by name. */
export async function unzipXml(bytes: Uint8Array): Promise<Parts> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: Parts = new Map();
  for (const name of Object.keys(zip.files).sort()) {
    if (/\.(xml|rels)$/.test(name)) parts.set(name, await zip.files[name]!.async('string'));
  }
  return parts;
}

export function slideNames(parts: Parts): string[] {
  return [...parts.keys()].filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
}

/** All matches of a regex's first group. */
export function all(xml: string, re: RegExp): string[] {
  return [...xml.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`))].map((m) => m[1] ?? m[0]);
}

/** The paragraphs of a part that hold text: their pPr and their text. */
export function paragraphs(xml: string): { pPr: string; text: string; runs: string[] }[] {
  return all(xml, /<a:p>([\s\S]*?)<\/a:p>/g)
    .map((p) => ({
      pPr: /<a:pPr\b[^>]*\/?>/.exec(p)?.[0] ?? '',
      text: all(p, /<a:t>([\s\S]*?)<\/a:t>/g).join(''),
      runs: all(p, /<a:rPr\b[^>]*\/?>/g),
    }))
    .filter((p) => p.text.trim().length > 0);
}

export const VALIDATOR = path.resolve(REPO, '../shared/ooxml/validate-pptx');

/** Runs ../shared/ooxml/validate-pptx on the bytes; returns its exit code and output. */
export function validatePptx(bytes: Uint8Array, name = 'deck.pptx'): { code: number | null; output: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mujaz-validate-'));
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  const r = spawnSync('/usr/bin/python3', [VALIDATOR, file], { encoding: 'utf8' });
  return { code: r.status, output: `${r.stdout}${r.stderr}` };
}
