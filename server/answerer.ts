/**
 * The CPU-heavy part of the services (answering, searching, topic briefs) behind one interface,
 * so that it runs either in this thread or in a pool of worker threads (server/answer-pool.ts).
 */
import type { AnswerResponse, AskRequest, Brief, BriefRequest, PassageHit } from './contract.js';
import { answerQuestion } from './answer/answer-question.js';
import type { KnowledgeBase } from './retrieve/knowledge-base.js';
import { buildBrief } from './services/brief.js';
import { searchKnowledgeBase } from './services/search.js';

export interface Answerer {
  ask(request: AskRequest): Promise<AnswerResponse>;
  search(query: string, k: number, documents?: string[]): Promise<PassageHit[]>;
  brief(request: BriefRequest): Promise<Brief>;
  /** Switches to the index `next` was opened from; calls in flight finish on the old one. */
  reload(next: KnowledgeBase): Promise<void>;
  /** Resolves when the answerer can answer; rejects when it cannot start. */
  ready(): Promise<void>;
  /** Releases threads (after the calls in flight); later calls fail. */
  close(): Promise<void>;
}

/**
 * Answers in the calling thread from whatever `current()` returns at the start of each call, so
 * that swapping the knowledge base is the caller's job and reload has nothing to do.
 */
export function createInProcessAnswerer(current: () => KnowledgeBase): Answerer {
  return {
    ask: (request) => answerQuestion(current(), request),
    search: (query, k, documents) => searchKnowledgeBase(current(), query, k, documents),
    brief: (request) => buildBrief(current(), request),
    reload: async () => {},
    ready: async () => {},
    close: async () => {},
  };
}
