import { describe, expect, it } from 'vitest';
import { KnowledgeBaseCache } from '../../server/retrieve/kb-cache.js';
import type { KnowledgeBase } from '../../server/retrieve/knowledge-base.js';

// The cache only uses a knowledge base as a key.
const kbA = {} as KnowledgeBase;
const kbB = {} as KnowledgeBase;

describe('KnowledgeBaseCache', () => {
  it('computes a key once per knowledge base', () => {
    const cache = new KnowledgeBaseCache<string, number>();
    let calls = 0;
    const compute = () => ++calls;
    expect(cache.get(kbA, 'q', compute)).toBe(1);
    expect(cache.get(kbA, 'q', compute)).toBe(1);
    expect(cache.get(kbB, 'q', compute)).toBe(2);
  });

  it('empties when full, and forgets one key on request', () => {
    const cache = new KnowledgeBaseCache<string, number>(2);
    let calls = 0;
    const compute = () => ++calls;
    cache.get(kbA, 'a', compute);
    cache.get(kbA, 'b', compute);
    cache.get(kbA, 'c', compute); // full: a and b go
    expect(cache.get(kbA, 'c', compute)).toBe(3);
    expect(cache.get(kbA, 'a', compute)).toBe(4);
    cache.forget(kbA, 'a');
    expect(cache.get(kbA, 'a', compute)).toBe(5);
  });
});
