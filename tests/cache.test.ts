// The in-process caches: rendered Markdown is kept up to a number of characters, oldest first out.
import { describe, expect, it } from 'vitest';
import { boundedMap } from '../src/lib/cache.js';
import { renderMarkdown } from '../src/lib/markdown.js';

describe('boundedMap', () => {
  it('keeps entries up to the summed size and lets the oldest go first', () => {
    const map = boundedMap<string, string>(10, (key, value) => key.length + value.length);
    map.set('a', 'xxxx'); // 5
    map.set('b', 'yyy'); // 4
    map.set('a', 'xxxx'); // read again: now the newest
    map.set('c', 'zz'); // 3 → 12 > 10: "b" (the oldest) leaves
    expect([map.get('a'), map.get('b'), map.get('c')]).toEqual(['xxxx', undefined, 'zz']);
    map.set('d', 'way too long for the map');
    expect(map.get('d')).toBeUndefined();
    expect(map.get('a')).toBe('xxxx'); // an entry that never fits pushes nothing out
  });

  it('counts entries when no size is given', () => {
    const map = boundedMap<number, number>(2);
    map.set(1, 1);
    map.set(2, 2);
    map.set(3, 3);
    expect([map.get(1), map.get(2), map.get(3)]).toEqual([undefined, 2, 3]);
  });
});

describe('renderMarkdown', () => {
  it('gives the same sanitised HTML from the cache as on the first render', () => {
    const source = 'Ein **Bericht** mit <script>alert(1)</script> [Link](https://example.org)';
    const first = renderMarkdown(source);
    expect(first).not.toContain('<script');
    expect(first).toContain('rel="nofollow ugc noopener"');
    expect(renderMarkdown(source)).toBe(first);
  });
});
