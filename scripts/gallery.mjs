#!/usr/bin/env node
// npm run gallery: regenerates the README's pictures. Builds and previews every audience
// (mujaz preview --all), then copies each contact sheet to docs/gallery/<audience>.png.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const r = spawnSync(process.execPath, [path.join(root, 'dist/bin/mujaz.js'), 'preview', '--all', '--root', root], { stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);
const gallery = path.join(root, 'docs/gallery');
mkdirSync(gallery, { recursive: true });
for (const audience of readdirSync(path.join(root, 'output/preview'))) {
  copyFileSync(path.join(root, 'output/preview', audience, 'contact-sheet.png'), path.join(gallery, `${audience}.png`));
  console.error(`docs/gallery/${audience}.png`);
}
