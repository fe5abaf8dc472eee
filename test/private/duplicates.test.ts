import { distinctBy, firstRepeat } from '../../src/private/duplicates';

describe('duplicate detection', () => {
  test('firstRepeat returns the first item whose key was seen before', () => {
    expect(firstRepeat(['a', 'b', 'A', 'c'], (s) => s.toLowerCase())).toBe('A');
    expect(firstRepeat(['a', 'b', 'c'], (s) => s)).toBeUndefined();
  });

  test('items without a key (unresolved Tokens) are never repeats', () => {
    expect(firstRepeat(['${Token[1]}', '${Token[1]}', 'x'], (s) => (s.startsWith('$') ? undefined : s))).toBeUndefined();
  });

  test('objects can be their own key (identity)', () => {
    const a = { n: 1 };
    const b = { n: 1 };
    expect(firstRepeat([a, b], (o) => o)).toBeUndefined();
    expect(firstRepeat([a, b, a], (o) => o)).toBe(a);
  });

  test('distinctBy keeps the first of each key, in order, and every keyless item', () => {
    expect(distinctBy(['b', 'a', 'B', 'c', 'A'], (s) => s.toLowerCase())).toEqual(['b', 'a', 'c']);
    expect(distinctBy([1, 2, 2, 3], (n) => (n === 2 ? undefined : n))).toEqual([1, 2, 2, 3]);
  });
});
