/**
 * Values worked out once per knowledge base and key. A knowledge base opened afresh (after an
 * ingest) starts with an empty cache, so nothing outlives the index it was read from.
 */
import type { KnowledgeBase } from './knowledge-base.js';

/**
 * Holds at most `limit` values per knowledge base, and empties when full: the keys that need a
 * bound are questions, and a conversation asks its own again soon or never.
 * @example new KnowledgeBaseCache<string, number>().get(kb, 'abc', () => 3) // -> 3, then 3 without computing
 */
export class KnowledgeBaseCache<K, V> {
  private readonly byKnowledgeBase = new WeakMap<KnowledgeBase, Map<K, V>>();

  constructor(private readonly limit = Number.POSITIVE_INFINITY) {}

  get(kb: KnowledgeBase, key: K, compute: () => V): V {
    let values = this.byKnowledgeBase.get(kb);
    if (!values) this.byKnowledgeBase.set(kb, (values = new Map()));
    if (values.has(key)) return values.get(key)!;
    const value = compute();
    if (values.size >= this.limit) values.clear();
    values.set(key, value);
    return value;
  }

  /** Drops one value (a computation that failed is tried again next time). */
  forget(kb: KnowledgeBase, key: K): void {
    this.byKnowledgeBase.get(kb)?.delete(key);
  }
}
