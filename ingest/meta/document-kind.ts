/** What sort of report a document is, from its title, else from how its first paragraphs speak. */
import type { DocumentKind } from './types.js';

/**
 * Title patterns in the order they are tried: a mid-term review names the plan outline it
 * reviews ("…规划《纲要》中期评估报告"), so it must be told before the outline itself.
 */
const TITLE_RULES: ReadonlyArray<{ kind: DocumentKind; re: RegExp }> = [
  { kind: 'statistical-bulletin', re: /统计公报/ },
  { kind: 'midterm-review', re: /中期(?:评估|检查|评价)|纲要[^，。]{0,10}实施情况[^，。]{0,10}评估/ },
  { kind: 'gov-work-report', re: /政府工作报告/ },
  { kind: 'plan-outline', re: /(?:五年|十[一二三四五六七八九]五|远景目标)[^，。]{0,20}(?:规划|计划)[^，。]{0,30}纲要|规划纲要|《纲要》$/ },
];

/** How the body of each kind opens when the title says nothing useful. */
const OPENING_RULES: ReadonlyArray<{ kind: DocumentKind; re: RegExp }> = [
  { kind: 'gov-work-report', re: /向大会(?:作|报告)(?:政府)?工作/ },
  { kind: 'statistical-bulletin', re: /国民经济和社会发展统计公报|统计公报/ },
  { kind: 'midterm-review', re: /中期评估/ },
];

const OPENING_LINES = 6;

/**
 * The kind of a report.
 * @example classifyDocument('江北区“十四五”规划《纲要》 中期评估报告', []) // -> 'midterm-review'
 * @example classifyDocument('2026年政府工作报告', []) // -> 'gov-work-report'
 */
export function classifyDocument(title: string, bodyLines: readonly string[]): DocumentKind {
  for (const { kind, re } of TITLE_RULES) if (re.test(title)) return kind;
  const opening = bodyLines.slice(0, OPENING_LINES).join('\n');
  for (const { kind, re } of OPENING_RULES) if (re.test(opening)) return kind;
  return 'other';
}
