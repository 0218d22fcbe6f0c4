import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ANSWER_WORKERS, loadServerConfig } from '../../server/config.js';
import { thrownBy } from './helpers.js';

describe('loadServerConfig', () => {
  it('has safe defaults: local host, CORS off, rate limit on, no token', () => {
    const config = loadServerConfig({});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 3000,
      corsOrigins: [],
      rateLimitPerMinute: 120,
      bodyLimitBytes: 65_536,
      logQuestions: false,
      watchCorpus: false,
      answerWorkers: DEFAULT_ANSWER_WORKERS,
      corpusDir: path.resolve('corpus'),
    });
    expect(config.apiToken).toBeUndefined();
    expect(DEFAULT_ANSWER_WORKERS).toBeGreaterThanOrEqual(1);
    expect(DEFAULT_ANSWER_WORKERS).toBeLessThanOrEqual(4);
  });

  it('reads every setting', () => {
    const config = loadServerConfig({
      HOST: '0.0.0.0',
      PORT: '8080',
      API_TOKEN: ' s3cret-token ',
      CORS_ORIGINS: 'http://localhost:5173, https://intranet.example.gov.cn',
      RATE_LIMIT_PER_MINUTE: '0',
      BODY_LIMIT_BYTES: '131072',
      LOG_QUESTIONS: 'true',
      WATCH_CORPUS: '1',
      ANSWER_WORKERS: '3',
      CORPUS_DIR: 'reports',
    });
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 8080,
      apiToken: 's3cret-token',
      corsOrigins: ['http://localhost:5173', 'https://intranet.example.gov.cn'],
      rateLimitPerMinute: 0,
      bodyLimitBytes: 131_072,
      logQuestions: true,
      watchCorpus: true,
      answerWorkers: 3,
      corpusDir: path.resolve('reports'),
    });
  });

  it('answers in the main thread with ANSWER_WORKERS=0 and treats an empty value as unset', () => {
    expect(loadServerConfig({ ANSWER_WORKERS: '0' }).answerWorkers).toBe(0);
    expect(loadServerConfig({ ANSWER_WORKERS: ' ' }).answerWorkers).toBe(DEFAULT_ANSWER_WORKERS);
  });

  it('treats an empty API_TOKEN as unset', () => {
    expect(loadServerConfig({ API_TOKEN: '  ' }).apiToken).toBeUndefined();
  });

  it.each([
    ['PORT', 'http'],
    ['PORT', '70000'],
    ['RATE_LIMIT_PER_MINUTE', '-1'],
    ['RATE_LIMIT_PER_MINUTE', 'many'],
    ['BODY_LIMIT_BYTES', '10'],
    ['CORS_ORIGINS', 'localhost:5173'],
    ['CORS_ORIGINS', 'http://localhost:5173/'],
    ['CORS_ORIGINS', 'https://ok.example,ftp://files.example'],
    ['LOG_QUESTIONS', 'maybe'],
    ['WATCH_CORPUS', '2'],
    ['API_TOKEN', 'short'],
    ['HOST', ' '],
    ['EMBEDDER', 'gpt'],
    ['ANSWER_WORKERS', '-1'],
    ['ANSWER_WORKERS', '1.5'],
    ['ANSWER_WORKERS', 'two'],
    ['LLM_BASE_URL', 'localhost:11434'],
    ['LLM_TIMEOUT_MS', '10'],
    ['LLM_MODEL', undefined],
  ])('rejects %s=%s with CONFIG_INVALID naming the variable', (name, value) => {
    // An LLM setting is judged with a base URL given, since the model is needed only then.
    const llm = name.startsWith('LLM_') && name !== 'LLM_BASE_URL' ? { LLM_BASE_URL: 'http://127.0.0.1:1/v1', LLM_MODEL: 'm' } : {};
    const error = thrownBy(() => loadServerConfig({ ...llm, [name]: value }));
    expect(error).toMatchObject({ code: 'CONFIG_INVALID' });
    expect((error as Error).message).toContain(name);
  });

  it('names an LLM only when both its URL and model are given', () => {
    expect(loadServerConfig({}).llm).toBeUndefined();
    expect(loadServerConfig({ LLM_BASE_URL: '', LLM_MODEL: '' }).llm).toBeUndefined();
    expect(loadServerConfig({ LLM_BASE_URL: 'http://127.0.0.1:11434/v1', LLM_MODEL: 'qwen2.5:7b' }).llm).toEqual({
      baseUrl: 'http://127.0.0.1:11434/v1',
      model: 'qwen2.5:7b',
      timeoutMs: 20_000,
    });
    expect(loadServerConfig({ LLM_BASE_URL: 'https://llm.example/v1', LLM_MODEL: 'deepseek-chat', LLM_API_KEY: 'k', LLM_TIMEOUT_MS: '5000' }).llm).toEqual({
      baseUrl: 'https://llm.example/v1',
      model: 'deepseek-chat',
      apiKey: 'k',
      timeoutMs: 5000,
    });
  });

  it('never echoes the token in its errors', () => {
    const error = thrownBy(() => loadServerConfig({ API_TOKEN: 'abc12' }));
    expect((error as Error).message).not.toContain('abc12');
  });
});
