import { describe, expect, it, vi } from 'vitest';
import { copyText } from '../../lib/card/copy-text';

describe('copyText', () => {
  it('uses the async clipboard when it works', async () => {
    const writeText = vi.fn(async () => {});
    expect(await copyText('“q” — INP, 20 January 2025', { clipboard: { writeText } })).toBe('copied');
    expect(writeText).toHaveBeenCalledWith('“q” — INP, 20 January 2025');
  });

  it('falls back to execCommand in our own root when the clipboard is refused', async () => {
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    document.body.append(host);
    const exec = vi.fn(() => true);
    const doc = { createElement: (tag: string) => document.createElement(tag), execCommand: exec } as unknown as Document;
    const denied = { writeText: async () => Promise.reject(new DOMException('denied', 'NotAllowedError')) };
    expect(await copyText('text', { clipboard: denied, scratch: shadow, doc })).toBe('copied');
    expect(exec).toHaveBeenCalledWith('copy');
    expect(shadow.querySelector('textarea')).toBeNull();
    host.remove();
  });

  it('asks for a manual copy when nothing works', async () => {
    const doc = { createElement: (tag: string) => document.createElement(tag), execCommand: () => false } as unknown as Document;
    const scratch = document.createElement('div');
    expect(await copyText('text', { clipboard: undefined, scratch, doc })).toBe('manual');
    expect(await copyText('text', { clipboard: undefined })).toBe('manual');
  });
});
