/**
 * Splits a question that asks two or more things into its sub-questions, so that each gets its own
 * evidence: "社零总额和商品销售额各是多少？" -> ["社零总额是多少", "商品销售额是多少"];
 * "What's the urbanization rate, and how much was spent on X?" -> two questions.
 */

const MAX_PARTS = 3;
const CHINESE_QUESTION_WORD = /多少|几|哪|什么|怎么|怎样|如何|是否/;
const ENGLISH_QUESTION_START = /^(?:how|what|which|when|where|who|whom|whose|is|are|was|were|does|did|do|has|have|can)\b/i;
/** "A和B分别是多少", "A、B各有多少": two subjects sharing one predicate. */
const SHARED_PREDICATE_RE = /^(.+?)(?:以及|和|与|及|、)(.+?)(?:分别|各自|各)((?:是|有|为|达到|占)?.*)$/;

/** The sub-questions of `question`, or `[question]` when it asks one thing. */
export function splitQuestion(question: string): string[] {
  const text = question.trim();
  const sentences = text
    .split(/(?<=[？?])\s*(?=\S)/)
    .map((s) => s.trim())
    .filter(Boolean);
  const parts = sentences.flatMap(splitSentence);
  const withContext = carryContext(parts);
  return withContext.length > 1 ? withContext.slice(0, MAX_PARTS) : [question];
}

function splitSentence(sentence: string): string[] {
  const english = sentence.split(/\s*(?:,\s*and|;\s*and|;|,?\s+and\s+also|,\s*as well as)\s+(?=\S)/i);
  if (english.length > 1 && english.slice(1).every((p) => ENGLISH_QUESTION_START.test(p))) return english;
  // "What's the growth of A, and of B?", "the targets for A and for B": the second part borrows the first one's head.
  const sharedHead = /^(.*\b(?:of|for|in))\s+(.+?),?\s+and\s+(?:of|for|in)\s+(.+)$/i.exec(sentence);
  if (sharedHead && ENGLISH_QUESTION_START.test(sharedHead[1]!)) return [`${sharedHead[1]} ${sharedHead[2]}`, `${sharedHead[1]} ${sharedHead[3]}`];
  const andThen = sentence.split(/\s+and\s+(?=(?:how|what|which|when|where|who)\b)/i);
  if (andThen.length > 1) return andThen;
  const shared = SHARED_PREDICATE_RE.exec(sentence);
  if (shared && CHINESE_QUESTION_WORD.test(shared[3]!)) {
    const predicate = shared[3]!;
    return [`${shared[1]}${predicate}`, `${shared[2]}${predicate}`];
  }
  const clauses = sentence.split(/[，；,;]\s*/).filter(Boolean);
  const asking = clauses.filter((c) => CHINESE_QUESTION_WORD.test(c));
  return asking.length > 1 ? joinContext(clauses) : [sentence];
}

/** Clauses that ask nothing ("30个规划指标里") stay with the question clause that follows them. */
function joinContext(clauses: string[]): string[] {
  const parts: string[] = [];
  let pending = '';
  for (const clause of clauses) {
    if (CHINESE_QUESTION_WORD.test(clause)) {
      parts.push(pending ? `${pending}，${clause}` : clause);
      pending = '';
    } else {
      pending = pending ? `${pending}，${clause}` : clause;
    }
  }
  if (pending && parts.length) parts[parts.length - 1] = `${parts[parts.length - 1]}，${pending}`;
  return parts;
}

/**
 * A leading clause that asks nothing sets the scene for every sub-question:
 * "30个规划指标里，中期有多少项达标？到期末有多少项能完成？" — the second is about the indicators too.
 */
function carryContext(parts: string[]): string[] {
  if (parts.length < 2) return parts;
  const first = parts[0]!.split(/[，,]\s*/);
  const scene = first.length > 1 && !CHINESE_QUESTION_WORD.test(first[0]!) && !ENGLISH_QUESTION_START.test(first[0]!) ? first[0]! : '';
  return parts.map((p, i) => (i > 0 && scene && !p.includes(scene) ? `${scene}，${p}` : p));
}
