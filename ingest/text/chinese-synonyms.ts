/**
 * Chinese terms of the policy glossary named in a question, kept whole ("人均可支配收入", which
 * jieba cuts into 人均/可/支配/收入), with abbreviations and synonyms: the Chinese forms of one
 * entry name the same measure ("固投" / "固定资产投资", "第三产业" / "服务业"), so a question that
 * uses one form finds a report that writes another. Broad entries (growth, total …) are left out.
 */
import type { Glossary } from './crosslingual.js';

export interface SynonymConcept {
  /** The form as the question writes it. */
  source: string;
  /** That form first, then the entry's other forms the corpus uses. */
  zh: string[];
  weight: number;
  guessed: boolean;
}

export type SynonymFinder = (question: string) => SynonymConcept[];

export function createSynonymFinder(glossary: Glossary, isCorpusTerm: (zh: string) => boolean): SynonymFinder {
  const forms: Array<{ form: string; group: string[] }> = [];
  for (const entry of glossary.entries) {
    if (entry.generic) continue;
    for (const form of entry.zh) if (form.length >= 2 && /[\u4e00-\u9fff]/.test(form)) forms.push({ form, group: entry.zh });
  }
  forms.sort((a, b) => b.form.length - a.form.length);
  // Forms by their first character, each with its place in the longest-first order: a question is
  // scanned once instead of searched for each of the glossary's thousands of forms.
  const byFirst = new Map<string, Array<{ form: string; group: string[]; order: number }>>();
  forms.forEach(({ form, group }, order) => {
    const list = byFirst.get(form[0]!) ?? [];
    list.push({ form, group, order });
    byFirst.set(form[0]!, list);
  });
  const inCorpus = new Map<string, boolean>();
  const used = (zh: string) => inCorpus.get(zh) ?? (inCorpus.set(zh, isCorpusTerm(zh)), inCorpus.get(zh)!);

  /** @example finder('固投累计完成了多少？') // -> [{ source: '固投', zh: ['固投', '固定资产投资'], … }] */
  return (question) => {
    // Each form at its first occurrence, longest forms first, as a search form by form would find them.
    const firstAt = new Map<number, { form: string; group: string[]; order: number; at: number }>();
    for (let at = 0; at < question.length; at++) {
      for (const entry of byFirst.get(question[at]!) ?? []) {
        if (!firstAt.has(entry.order) && question.startsWith(entry.form, at)) firstAt.set(entry.order, { ...entry, at });
      }
    }
    const taken = new Array<boolean>(question.length).fill(false);
    const found: SynonymConcept[] = [];
    for (const { form, group, at } of [...firstAt.values()].sort((a, b) => a.order - b.order)) {
      if (taken.slice(at, at + form.length).some(Boolean)) continue;
      // A form the report uses is matched as it stands; one it does not brings the forms it does.
      // A term none of whose forms the report uses stays one concept: the report does not give it.
      const zh = [form, ...group.filter((other) => other !== form && used(other))];
      taken.fill(true, at, at + form.length);
      found.push({ source: form, zh, weight: 1, guessed: false });
    }
    return found;
  };
}
