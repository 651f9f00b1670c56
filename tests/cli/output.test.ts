import { describe, expect, it } from 'vitest';
import { createOutput } from '../../src/cli/output.js';

function stream(isTTY: boolean) {
  let text = '';
  return { s: { isTTY, write: (chunk: string) => ((text += chunk), true) } as unknown as NodeJS.WriteStream, text: () => text };
}

describe('human output', () => {
  it('shows progress only on a terminal, and replaces it', () => {
    const tty = stream(true);
    const out = createOutput({ stream: tty.s, env: { NO_COLOR: '1' } });
    out.progress('[1/2] building a…');
    out.result(true, 'a: 3 slides');
    expect(tty.text()).toBe('[1/2] building a…\r\u001b[2K✓ a: 3 slides\n');
    const pipe = stream(false);
    const quiet = createOutput({ stream: pipe.s, env: {} });
    quiet.progress('[1/2] building a…');
    quiet.result(true, 'a: 3 slides');
    expect(pipe.text()).toBe('✓ a: 3 slides\n');
  });

  it('colours only on a terminal without NO_COLOR', () => {
    const tty = stream(true);
    createOutput({ stream: tty.s, env: {} }).result(false, 'x');
    expect(tty.text()).toBe('\u001b[31m✗\u001b[0m x\n');
    const plain = stream(true);
    createOutput({ stream: plain.s, env: { NO_COLOR: '1' } }).result(false, 'x');
    expect(plain.text()).toBe('✗ x\n');
  });

  it('is silent with --quiet except for failures', () => {
    const s = stream(true);
    const out = createOutput({ stream: s.s, env: {}, quiet: true });
    out.progress('…');
    out.result(true, 'ok');
    out.info('watching');
    out.result(false, 'broken');
    expect(s.text()).toBe('\u001b[31m✗\u001b[0m broken\n');
  });
});
