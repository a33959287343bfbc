import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The progress and emission bars are drawn by app.css; WCAG 1.4.11 asks 3:1 for what shows how far a
// bar reaches (the track's edge, the fill) against what is next to it.
const css = readFileSync(new URL('../../web/src/styles/app.css', import.meta.url), 'utf8');

/** The declarations of the first rule whose selector list is exactly `selector`. */
function rule(selector: string): Record<string, string> {
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(?:^|})\\s*${escaped}\\s*\\{([^}]*)\\}`, 'm').exec(css);
  if (!match?.[1]) throw new Error(`no rule ${selector}`);
  return Object.fromEntries(
    match[1]
      .split(';')
      .map((declaration) => declaration.split(':').map((part) => part.trim()))
      .filter((parts): parts is [string, string] => parts.length === 2 && parts[0] !== ''),
  );
}

const tokens = rule(':root');

/** The hex colour a value names, through one var(). */
function colour(value: string | undefined): string {
  const token = /var\((--[\w-]+)\)/.exec(value ?? '')?.[1];
  const resolved = token ? tokens[token] : value;
  const hex = /#([0-9a-f]{6}|[0-9a-f]{3})\b/i.exec(resolved ?? '')?.[1];
  if (!hex) throw new Error(`no colour in ${value}`);
  return `#${hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex}`;
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

const page = colour('var(--bg)');
const card = colour('var(--surface)');

describe('the bars drawn by app.css stand out at least 3:1', () => {
  it('the progress bar: its edge against the page and the card, its fill against the empty track', () => {
    const bar = rule('.progress-bar');
    const edge = colour(bar.border);
    for (const around of [page, card]) expect(contrast(edge, around)).toBeGreaterThanOrEqual(3);
    const track = colour(rule('.progress-bar::-webkit-progress-bar').background);
    const fill = colour(rule('.progress-bar::-webkit-progress-value').background);
    expect(colour(rule('.progress-bar::-moz-progress-bar').background)).toBe(fill);
    expect(contrast(fill, track)).toBeGreaterThanOrEqual(3);
  });

  it('the emission bars: the track’s edge against the page, the fill against the track', () => {
    const edge = colour(rule('.emissions-bar-row .status-bar-track').border);
    for (const around of [page, card]) expect(contrast(edge, around)).toBeGreaterThanOrEqual(3);
    const track = colour(rule('.status-bar-track').background);
    const fill = colour(rule('.emissions-bar-row .status-bar-fill').background);
    expect(contrast(fill, track)).toBeGreaterThanOrEqual(3);
  });

  it('measures contrast as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    // --line-strong on the page is 2.9:1: too faint for a bar's edge.
    expect(contrast('#8a959f', '#f7f8f6')).toBeLessThan(3);
  });
});
