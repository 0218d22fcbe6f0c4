/**
 * Extracts the figures of a passage: each value with its unit, the label it measures, its qualifier
 * and its exact source span. Enumerations are aligned item by item:
 * "新材料、高端装备、汽车零部件产业分别实现产值 497 亿元、508 亿元、129 亿元" gives three labelled figures.
 */
import type { Figure, Passage } from '../schema.js';
import { extractRowFigures } from './table-figures.js';
import { splitSentences } from '../chunk/sentences.js';
import { chooseLabel, cleanLabel, elidedHead, findQualifier, isGenericLabel, labelFromPrefix, measureSubject, subjectOf } from './labels.js';
import { matchValues, MONEY_UNIT_RE, type ValueMatch } from './value-patterns.js';

const CLAUSE_BREAK_RE = /[，,；;：:。！？!?]/;
const ENUM_JOINER_RE = /^\s*(?:、|和|及|与|以及|，)?\s*$/;
const ITEM_SPLIT_RE = /、|和|及|与/;
/** A head noun that the last item of an enumeration shares with the others ("新材料、高端装备、汽车零部件产业"). */
const SHARED_HEAD_RE = /(产业|行业|企业|园区|项目|工程|平台|市场|指数)$/;
const RATE_METRIC_RE = /(年均增速|年均增长|同比增长|增速|增幅|增长率|比重|占比)$/;
const MAX_SUFFIX_CHARS = 20;

interface Group {
  values: ValueMatch[];
  clauseStart: number;
  clauseEnd: number;
}

interface DraftFigure {
  match: ValueMatch;
  label: string;
  qualifier: string | null;
}

/** Every figure of a passage, in reading order. */
export function extractFigures(passage: Passage): Figure[] {
  if (passage.row) {
    return extractRowFigures(passage.text, passage.row).map(({ match, label, cellStart }, i) =>
      makeFigure(passage, i, { match, label, qualifier: match.approx, sentence: passage.text, start: cellStart }));
  }
  const figures: Figure[] = [];
  for (const span of splitSentences(passage.text)) {
    const sentence = passage.text.slice(span.start, span.end);
    for (const draft of extractFromSentence(sentence)) {
      figures.push(makeFigure(passage, figures.length, { ...draft, sentence, start: span.start }));
    }
  }
  return figures;
}

/** A figure of `passage` from a value whose offsets count from `start` in the passage (its sentence or cell). */
function makeFigure(passage: Passage, index: number, found: DraftFigure & { sentence: string; start: number }): Figure {
  const { match, sentence } = found;
  const start = found.start + match.start;
  const text = passage.text.slice(start, found.start + match.end);
  return {
    id: `${passage.id}-f${index + 1}`,
    docId: passage.docId,
    sectionId: passage.sectionId,
    passageId: passage.id,
    sectionPath: passage.sectionPath,
    label: found.label,
    value: match.value,
    unit: match.unit,
    kind: match.kind,
    number: match.number,
    qualifier: found.qualifier,
    text,
    sentence,
    start,
    end: start + text.length,
  };
}

/** Labelled figures of one sentence; offsets are relative to the sentence. */
export function extractFromSentence(sentence: string): DraftFigure[] {
  const groups = groupValues(sentence, matchValues(sentence));
  const drafts: DraftFigure[] = [];
  let enumeration: string[] | null = null;
  for (const group of groups) {
    const prefix = sentence.slice(previousBoundary(sentence, group, drafts), group.values[0]!.start);
    const suffix = suffixText(sentence, group);
    if (group.values.length > 1) {
      const aligned = alignEnumeration(group, prefix, suffix, enumeration);
      if (aligned) {
        enumeration = aligned.items;
        drafts.push(...aligned.drafts);
        continue;
      }
    }
    for (const match of group.values) drafts.push(labelSingle(sentence, group, match, drafts));
  }
  return drafts;
}

/** Values in one clause joined only by 、/和/及 form one group. */
function groupValues(sentence: string, matches: ValueMatch[]): Group[] {
  const groups: Group[] = [];
  for (const match of matches) {
    const last = groups[groups.length - 1];
    const lastValue = last?.values[last.values.length - 1];
    const between = lastValue ? sentence.slice(lastValue.end, match.start) : '';
    if (last && lastValue && ENUM_JOINER_RE.test(between) && (!between.includes('，') || last.values.length > 1)) {
      last.values.push(match);
      last.clauseEnd = clauseEndAfter(sentence, match.end);
    } else {
      groups.push({ values: [match], clauseStart: clauseStartBefore(sentence, match.start), clauseEnd: clauseEndAfter(sentence, match.end) });
    }
  }
  return groups;
}

function clauseStartBefore(sentence: string, index: number): number {
  for (let i = index - 1; i >= 0; i--) if (CLAUSE_BREAK_RE.test(sentence[i]!)) return i + 1;
  return 0;
}

function clauseEndAfter(sentence: string, index: number): number {
  for (let i = index; i < sentence.length; i++) if (CLAUSE_BREAK_RE.test(sentence[i]!)) return i;
  return sentence.length;
}

/** The prefix of a group starts at its clause, or after an earlier value in the same clause. */
function previousBoundary(sentence: string, group: Group, drafts: DraftFigure[]): number {
  const previous = drafts[drafts.length - 1]?.match;
  if (previous && previous.end > group.clauseStart && previous.end <= group.values[0]!.start) {
    const between = sentence.slice(previous.end, group.values[0]!.start);
    const cut = between.search(/、/);
    return cut === -1 ? previous.end : previous.end + cut + 1;
  }
  return group.clauseStart;
}

function suffixText(sentence: string, group: Group): string {
  const last = group.values[group.values.length - 1]!;
  return sentence.slice(last.end, Math.min(group.clauseEnd, last.end + MAX_SUFFIX_CHARS));
}

function alignEnumeration(
  group: Group, prefix: string, suffix: string, previousItems: string[] | null,
): { items: string[]; drafts: DraftFigure[] } | null {
  const n = group.values.length;
  const respectively = prefix.lastIndexOf('分别');
  const subject = respectively === -1 ? prefix : prefix.slice(0, respectively);
  let metric = respectively === -1 ? '' : metricFrom(prefix.slice(respectively + 2));
  let items = splitItems(subject);
  if (respectively === -1 && items.length > 1) {
    const last = items[items.length - 1]!;
    const rate = RATE_METRIC_RE.exec(last);
    const { before, verb, after } = labelFromPrefix(last);
    if (rate) {
      items[items.length - 1] = last.slice(0, rate.index);
      metric = rate[0];
    } else if (verb && cleanLabel(before)) {
      items[items.length - 1] = before;
      metric = cleanLabel(after);
    }
  }
  if (items.length !== n && previousItems?.length === n && items.length <= 1) {
    const { before, after } = labelFromPrefix(subject);
    metric = cleanLabel(after) || cleanLabel(before) || cleanLabel(subject);
    items = previousItems;
  }
  if (items.length !== n) return null;
  items = shareHeadNoun(items.map(cleanLabel));
  if (items.some((i) => !i)) return null;
  const counted = group.values.every((v) => v.kind === 'count') ? cleanLabel(suffix.split(/[，。；]/)[0] ?? '') : '';
  const qualifier = findQualifier(prefix);
  const drafts = group.values.map((match, i) => ({
    match,
    label: `${items[i]}${metric || counted}`,
    qualifier: joinQualifier(qualifier, match.approx),
  }));
  return { items, drafts };
}

function metricFrom(text: string): string {
  const { verb, after, before } = labelFromPrefix(text);
  return cleanLabel(verb ? after || before : text);
}

/** Splits "甲、乙和丙" into items, ignoring separators inside quotes and brackets. */
function splitItems(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if ('“《（(【'.includes(ch)) depth++;
    if ('”》）)】'.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && ITEM_SPLIT_RE.test(ch)) {
      items.push(current);
      current = '';
    } else current += ch;
  }
  items.push(current);
  return items.map((s) => s.trim()).filter((s) => s.length > 0);
}

function shareHeadNoun(items: string[]): string[] {
  const head = SHARED_HEAD_RE.exec(items[items.length - 1] ?? '')?.[0];
  if (!head) return items;
  return items.map((item) => (SHARED_HEAD_RE.test(item) ? item : `${item}${head}`));
}

function labelSingle(sentence: string, group: Group, match: ValueMatch, drafts: DraftFigure[]): DraftFigure {
  const previous = drafts[drafts.length - 1];
  const prefixStart = previous && previous.match.end > group.clauseStart && previous.match.end <= match.start
    ? previous.match.end
    : group.clauseStart;
  let prefix = sentence.slice(prefixStart, match.start);
  const cut = prefix.lastIndexOf('、');
  if (cut !== -1 && prefixStart !== group.clauseStart) prefix = prefix.slice(cut + 1);
  const nextStart = group.values.find((v) => v.start > match.start)?.start ?? group.clauseEnd;
  // What a count counts follows it up to the next list item: "200所以上、义务教育学校500所" stops at 、.
  const suffix = sentence.slice(match.end, Math.min(nextStart, match.end + MAX_SUFFIX_CHARS)).split('、')[0]!;
  const qualifier = joinQualifier(findQualifier(prefix), match.approx);
  const elided = spanLabel(prefix, drafts) ?? elidedLabel(sentence, prefix, match, drafts);
  if (elided) return { match, label: elided, qualifier };
  let label = chooseLabel(prefix, suffix, match.kind === 'count', match.kind === 'quantity' && !MONEY_UNIT_RE.test(match.unit));
  if (!label && previous) label = previous.label;
  else if (isGenericLabel(label) && previous) label = `${subjectOf(previous.label)}${label}`;
  if (!label) label = cleanLabel(sentence.slice(0, match.start).split(/[，。；]/).pop() ?? '') || match.value;
  return { match, label, qualifier };
}

/** "X从2020年的51%提升到2025年的70%": the two ends of a change, labelled by their years. */
const SPAN_FROM_RE = /^(.*?)(?:分别)?从(?:(\d{4})年(?:的|底|末)?)?$/;
const SPAN_TO_RE = /^(?:[\u4e00-\u9fff]{0,2}(?:到|至))(?:(\d{4})年(?:的|底|末)?)?$/;

function spanLabel(prefix: string, drafts: DraftFigure[]): string | null {
  const from = SPAN_FROM_RE.exec(prefix.replace(/\s+/g, ''));
  if (from) {
    const measure = cleanLabel(from[1]!);
    return measure ? `${measure}（${from[2] ? `${from[2]}年` : '起始值'}）` : null;
  }
  const to = SPAN_TO_RE.exec(prefix.replace(/\s+/g, ''));
  const previous = drafts[drafts.length - 1]?.label;
  if (!to || !previous || !/（(?:\d{4}年|起始值)）$/.test(previous)) return null;
  const measure = previous.replace(/（(?:\d{4}年|起始值)）$/, '');
  return to[1] ? `${measure}（${to[1]}年）` : measure;
}

/**
 * A clause that leaves its measure to the one before it: "地区生产总值增速连续八年进入全市前三，总量达到
 * 860.3亿元" (地区生产总值总量), "全市地区生产总值5.2万亿元、增长5.4%" (地区生产总值增长).
 */
function elidedLabel(sentence: string, prefix: string, match: ValueMatch, drafts: DraftFigure[]): string | null {
  const head = elidedHead(prefix);
  const { before, verb, after } = labelFromPrefix(prefix);
  const verbOnly = !head && verb && !cleanLabel(before) && !cleanLabel(after) && drafts.length > 0 && match.kind !== 'count' && match.kind !== 'rank';
  if (!head && !verbOnly) return null;
  const subject = subjectBefore(sentence, match.start, drafts);
  return subject ? `${subject}${head ?? verb}` : null;
}

/**
 * The nearest measure named before `index` in the sentence: an earlier figure's, else the words
 * before the first value of the nearest earlier clause that has one ("地区生产总值增速连续八年…").
 */
function subjectBefore(sentence: string, index: number, drafts: DraftFigure[]): string {
  for (let i = drafts.length - 1; i >= 0; i--) {
    const subject = measureSubject(drafts[i]!.label);
    if (subject) return subject;
  }
  const clauses = sentence.slice(0, index).split(/[，,；;：:]/).slice(0, -1);
  for (let i = clauses.length - 1; i >= 0; i--) {
    const clause = clauses[i]!;
    const first = matchValues(clause)[0];
    if (!first) continue;
    const subject = measureSubject(labelFromPrefix(clause.slice(0, first.start)).before || clause.slice(0, first.start));
    if (subject) return subject;
  }
  return '';
}

function joinQualifier(qualifier: string | null, approx: string | null): string | null {
  if (!approx) return qualifier;
  if (!qualifier) return approx;
  return qualifier.includes(approx) ? qualifier : `${qualifier}${approx}`;
}
