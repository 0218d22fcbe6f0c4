/** The LLM's instructions: word the answer from the numbered quotes only, in the question's language. */
import type { AnswerResponse, HistoryTurn } from '../contract.js';
import type { LlmMessage } from './llm-client.js';

const HISTORY_TURNS = 4;

const RULES = {
  zh: [
    '你是政府政策报告问答助手。只根据下面编号的原文摘录回答问题，不使用任何其他知识。',
    '用中文回答，简洁，一到四句话。',
    '引用数字时必须与原文完全一致（包括单位），不要换算、估算或四舍五入。',
    '每句话末尾用 [编号] 标出所依据的摘录。',
    '如果摘录不能回答问题，就说报告中没有相关内容。',
  ],
  en: [
    'You answer questions about government policy reports. Answer only from the numbered quotes below; use no other knowledge.',
    'Answer in English, briefly, in one to four sentences. Give each Chinese figure with its Chinese term in brackets.',
    'Write every number exactly as the quotes write it, with its unit; do not convert, estimate or round.',
    'End each sentence with the number of the quote it rests on, like [1].',
    'If the quotes do not answer the question, say that the reports do not say.',
  ],
};

/** The messages for wording `answer` (extractive, answerable) of `question` in `lang`. */
export function wordingMessages(answer: AnswerResponse, lang: 'zh' | 'en', history: HistoryTurn[] = []): LlmMessage[] {
  const quotes = answer.citations.map((c) => `[${c.n}] 《${c.docTitle}》 › ${c.sectionPath.join(' › ')}\n${c.quote}`);
  // The reader's own choice of figures points the LLM at the right ones (一般公共预算收入 is not 财政总收入).
  const figures = answer.figures.map((f) => `- ${f.label}: ${f.text} [${f.citation}]`);
  const context = [
    lang === 'zh' ? '原文摘录：' : 'Quotes:',
    ...quotes,
    ...(figures.length ? ['', lang === 'zh' ? '与问题最相关的数字：' : 'The figures that answer it:', ...figures] : []),
  ].join('\n');
  return [
    { role: 'system', content: `${RULES[lang].join('\n')}\n\n${context}` },
    ...history.slice(-HISTORY_TURNS).map((turn) => ({ role: turn.role, content: turn.content })),
    { role: 'user', content: answer.question },
  ];
}
