/**
 * English and mixed questions: English words become Chinese query terms (policy glossary, then
 * CC-CEDICT looked up in reverse, only words the corpus uses), and romanized names ("Cicheng")
 * become the corpus's own words (慈城). Names the corpus cannot account for are reported.
 */
import { buildReverseDictionary } from '../../ingest/text/cedict.js';
import { createEnglishExpander, isMostlyEnglish, loadGlossary } from '../../ingest/text/crosslingual.js';
import { createChineseDescriber } from '../../ingest/text/describe-english.js';
import { createSynonymFinder } from '../../ingest/text/chinese-synonyms.js';
import { buildRomanIndex, type RomanIndex } from '../../ingest/text/romanize.js';
import { findProvincesInEnglish, type EnglishProvinceMention } from '../../ingest/meta/province-lookup.js';

export interface ExpandedConcept {
  source: string;
  zh: string[];
  weight: number;
  /** CC-CEDICT's reading of an English word: a dictionary's guess, not a curated translation. */
  guessed: boolean;
}

export interface CrossLingual {
  isEnglish(text: string): boolean;
  expand(question: string): ExpandedConcept[];
  /** Capitalized names in the question that neither the dictionaries nor the corpus account for. */
  unknownNames(question: string): string[];
  /**
   * Chinese terms of the glossary named in a Chinese question ("固投", "第三产业"), each with the
   * other forms the corpus writes ("固定资产投资", "服务业"): abbreviations and synonyms.
   */
  synonyms(question: string): ExpandedConcept[];
  /** An English gloss of a Chinese label from the glossary, or null when it covers too little. */
  describe(zh: string): string | null;
  /** Builds the dictionaries now rather than during the first English question. */
  warm(): void;
}

/** Capitalized words, whole ("PhD" and "GDP" are abbreviations, not names). */
const NAME_RE = /\b[A-Z][a-z]+\b(?:\s+[A-Z][a-z]+\b)*/g;
/** Capitalized words that are ordinary English, or name kinds rather than names. */
const COMMON_CAPITALIZED = new Set(
  'no what which who whom whose when where why how is are was were does do did has have had can could will would should the a an in on of for and or to by from with at as its it this that these those district county city province town village street park zone area center centre new old north south east west hospital university institute company group bank china chinese national provincial municipal state'.split(' '),
);

/** A province's English name ("Inner Mongolia") is one place, not words to translate or an unknown name. */
function withoutProvinces(question: string, provinces: readonly EnglishProvinceMention[]): string {
  return provinces.reduce((text, p) => text.replace(p.text, ' '), question);
}

/** Builds the cross-lingual helpers for a corpus (its text, and a test that it uses a term). */
export function createCrossLingual(corpusText: string, isCorpusTerm: (zh: string) => boolean): CrossLingual {
  const reverseDictionary = buildReverseDictionary(isCorpusTerm);
  const glossary = loadGlossary();
  const expander = createEnglishExpander({ glossary, reverseDictionary, isCorpusTerm });
  const describe = createChineseDescriber(glossary);
  const synonyms = createSynonymFinder(glossary, isCorpusTerm);
  let romanIndex: RomanIndex | null = null;
  const roman = () => (romanIndex ??= buildRomanIndex(corpusText));

  /** The corpus words a name stands for: the whole run ("Cicheng"), else each of its words that is one. */
  const corpusWordsOf = (words: string[]): Array<{ source: string; zh: string[] }> => {
    const runs = roman().has(words.join('').toLowerCase()) ? [words] : words.map((w) => [w]);
    return runs.flatMap((run) => {
      const zh = roman().get(run.join('').toLowerCase());
      return zh ? [{ source: run.join(' '), zh }] : [];
    });
  };

  const names = (question: string) =>
    [...question.matchAll(NAME_RE)]
      .map((m) => ({ text: m[0], index: m.index }))
      .map(({ text, index }) => ({ text, words: text.split(/\s+/).filter((w) => !COMMON_CAPITALIZED.has(w.toLowerCase())), index }))
      .filter(({ words }) => words.length > 0);

  return {
    isEnglish: isMostlyEnglish,
    describe,
    synonyms,
    expand(asked) {
      const provinces = findProvincesInEnglish(asked);
      const question = withoutProvinces(asked, provinces);
      const provinceConcepts = provinces.map((p) => ({ source: p.text, zh: [p.entry.short, p.entry.name], weight: 1, guessed: false }));
      const concepts: ExpandedConcept[] = expander
        .expand(question)
        .map((t) => ({ source: t.source, zh: t.zh, weight: t.weight, guessed: t.from === 'cedict' }));
      const named: ExpandedConcept[] = [];
      for (const { words } of names(question)) {
        // "Healthy Zhejiang": the whole run may not be one corpus word, but its names are.
        for (const { source, zh } of corpusWordsOf(words)) named.push({ source, zh: [...zh], weight: 1, guessed: false });
      }
      // A name the corpus spells beats what a dictionary guesses for the same word.
      const namedSources = new Set(named.map((n) => n.source.toLowerCase()));
      return [...concepts.filter((c) => !(c.guessed && namedSources.has(c.source))), ...named, ...provinceConcepts];
    },
    unknownNames(asked) {
      const question = withoutProvinces(asked, findProvincesInEnglish(asked));
      return names(question)
        .filter(({ index }) => index > 0)
        // "Yaojiang New (Town)": a name is known when it, or one of its words, is a corpus name.
        .filter(({ words }) => corpusWordsOf(words).length === 0)
        .map(({ words }) => words.join(' '))
        .filter((name) => expander.expand(name).length === 0);
    },
    warm() {
      reverseDictionary.warm();
      roman();
    },
  };
}
