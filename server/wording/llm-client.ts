/** A streaming chat client for any OpenAI-compatible endpoint (Ollama, vLLM, DeepSeek, Qwen…). */
import OpenAI from 'openai';

export interface LlmConfig {
  /** The endpoint's base URL, e.g. http://127.0.0.1:11434/v1 (LLM_BASE_URL). */
  baseUrl: string;
  model: string;
  apiKey?: string;
  /** The whole generation's deadline, first token to last (LLM_TIMEOUT_MS). */
  timeoutMs: number;
}

export interface LlmMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface LlmClient {
  /** The reply's text in pieces as they arrive; throws on an HTTP error, a broken stream or the deadline. */
  streamText(messages: LlmMessage[]): AsyncIterable<string>;
}

export function createLlmClient(config: LlmConfig): LlmClient {
  // Local servers take any key; the client library insists on one. No retries: a fallback answer beats a wait.
  const client = new OpenAI({ baseURL: config.baseUrl, apiKey: config.apiKey ?? 'none', maxRetries: 0, timeout: config.timeoutMs });
  return {
    async *streamText(messages) {
      const deadline = AbortSignal.timeout(config.timeoutMs);
      const stream = await client.chat.completions.create({ model: config.model, messages, stream: true, temperature: 0 }, { signal: deadline });
      for await (const chunk of stream) {
        const text = chunk.choices[0]?.delta?.content;
        if (text) yield text;
      }
      // An aborted stream may just end: a reply cut by the deadline is no reply.
      if (deadline.aborted) throw new Error(`no complete reply within ${config.timeoutMs} ms`);
    },
  };
}
