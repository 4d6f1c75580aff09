import { describe, expect, it } from 'vitest';
import { placeCard, type PlaceInput } from '../../lib/card/place-card';

const viewport = { width: 1000, height: 800 };
const card = { width: 380, height: 300 };
const at = (top: number, left: number, width = 100, height = 20) => ({ top, bottom: top + height, left, right: left + width });

describe('placeCard', () => {
  it.each<[string, PlaceInput, { top: number; left: number; side: 'below' | 'above'; maxHeight?: number; anchorHidden?: boolean }]>([
    ['below, aligned with the mark', { anchor: at(100, 200), card, viewport }, { top: 126, left: 200, side: 'below' }],
    ['above near the bottom edge', { anchor: at(700, 200), card, viewport }, { top: 394, left: 200, side: 'above' }],
    ['shifted left at the right edge', { anchor: at(100, 900), card, viewport }, { top: 126, left: 612, side: 'below' }],
    ['never past the left edge', { anchor: at(100, -50), card, viewport }, { top: 126, left: 8, side: 'below' }],
    ['RTL: aligned with the mark’s right edge', { anchor: at(100, 500), card, viewport, dir: 'rtl' }, { top: 126, left: 220, side: 'below' }],
    ['RTL at the left edge', { anchor: at(100, 10), card, viewport, dir: 'rtl' }, { top: 126, left: 8, side: 'below' }],
    ['too tall for either side: the roomier one, scrolling', { anchor: at(300, 200), card: { width: 380, height: 700 }, viewport }, { top: 326, left: 200, side: 'below', maxHeight: 466 }],
    ['too tall, more room above', { anchor: at(500, 200), card: { width: 380, height: 700 }, viewport }, { top: 8, left: 200, side: 'above', maxHeight: 486 }],
    ['a card wider than the viewport starts at the margin', { anchor: at(100, 50), card: { width: 380, height: 100 }, viewport: { width: 300, height: 800 } }, { top: 126, left: 8, side: 'below' }],
    ['mark scrolled above the viewport: kept on screen, flagged', { anchor: at(-200, 200), card, viewport }, { top: 8, left: 200, side: 'below', anchorHidden: true }],
    ['mark scrolled below the viewport', { anchor: at(900, 200), card, viewport }, { top: 492, left: 200, side: 'above', anchorHidden: true }],
  ])('%s', (_name, input, expected) => {
    const placed = placeCard(input);
    expect(placed).toEqual({ anchorHidden: false, ...expected });
  });

  it('keeps the whole card inside the viewport for any mark position', () => {
    for (let top = -100; top <= 900; top += 37) {
      for (let left = -100; left <= 1100; left += 53) {
        const p = placeCard({ anchor: at(top, left), card, viewport });
        const height = p.maxHeight ?? card.height;
        expect(p.top).toBeGreaterThanOrEqual(8);
        expect(p.top + height).toBeLessThanOrEqual(viewport.height - 8);
        expect(p.left).toBeGreaterThanOrEqual(8);
        expect(p.left + card.width).toBeLessThanOrEqual(viewport.width - 8);
      }
    }
  });
});
