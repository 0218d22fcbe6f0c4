import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReverseDictionary, cedictBuildMs, type ReverseDictionary } from '../../ingest/text/cedict.js';
import {
  createEnglishExpander,
  findGlossaryConflicts,
  tokenizeEnglish,
  GlossarySchema,
  isMostlyEnglish,
  loadGlossary,
  stemEnglish,
  type EnglishExpander,
  type ExpandedTerm,
  type Glossary,
} from '../../ingest/text/crosslingual.js';

/** A tiny stand-in for the corpus vocabulary. */
const CORPUS_TERMS = new Set([
  '研究与试验发展经费支出', '研发投入', '固定资产投资', '人均可支配收入', '城镇化率', '城镇化', '城镇化水平',
  '地区生产总值', '增长', '增速', '比例', '银行', '路堤', '王', '森林', '覆盖率', '率', '幼儿园', '江北区',
  '高技术制造业', '制造业', '技术', '高',
]);
const isCorpusTerm = (zh: string): boolean => CORPUS_TERMS.has(zh);
const allChinese = (terms: ExpandedTerm[]): string[] => terms.flatMap((term) => term.zh);

let glossary: Glossary;
let dictionary: ReverseDictionary;
let expander: EnglishExpander;

beforeAll(() => {
  glossary = loadGlossary();
  dictionary = buildReverseDictionary(isCorpusTerm);
  dictionary.warm();
  expander = createEnglishExpander({ glossary, reverseDictionary: dictionary, isCorpusTerm });
});

describe('policy glossary', () => {
  it('validates and has at least 400 entries', () => {
    const raw: unknown = JSON.parse(readFileSync('ingest/text/policy-glossary.json', 'utf8'));
    const parsed = GlossarySchema.safeParse(raw);
    expect(parsed.success).toBe(true);
    expect(glossary.entries.length).toBeGreaterThanOrEqual(400);
  });

  it('maps no English phrase to two different entries', () => {
    expect(findGlossaryConflicts(glossary)).toEqual([]);
  });

  it('writes English in lower case and repeats no term within an entry', () => {
    for (const entry of glossary.entries) {
      for (const phrase of entry.en) expect(phrase).toBe(phrase.trim().toLowerCase());
      expect(new Set(entry.en).size).toBe(entry.en.length);
      expect(new Set(entry.zh).size).toBe(entry.zh.length);
    }
  });

  it('reports an unreadable or malformed glossary with its code', () => {
    const folder = mkdtempSync(join(tmpdir(), 'glossary-'));
    const malformed = join(folder, 'bad.json');
    writeFileSync(malformed, JSON.stringify({ version: 1, entries: [{ en: ['gdp'], zh: [] }] }));
    expect(() => loadGlossary(malformed)).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
    expect(() => loadGlossary(join(folder, 'missing.json'))).toThrow(expect.objectContaining({ code: 'FILE_UNREADABLE' }));
  });
});

describe('reverse CC-CEDICT dictionary', () => {
  it('builds in well under two seconds', () => {
    expect(cedictBuildMs()).toBeLessThan(2000);
  });

  it('matches whole words only: "bank" is not "embankment"', () => {
    expect(dictionary.lookup('bank')).toContain('银行');
    expect(dictionary.lookup('bank')).not.toContain('路堤');
    expect(dictionary.lookup('embankment')).toContain('路堤');
    expect(dictionary.lookup('embankment')).not.toContain('银行');
  });

  it('returns only corpus words', () => {
    const everything = buildReverseDictionary(() => true);
    expect(everything.lookup('bank').some((zh) => !CORPUS_TERMS.has(zh))).toBe(true);
    for (const word of ['bank', 'urbanization', 'kindergarten', 'forest', 'growth']) {
      for (const zh of dictionary.lookup(word)) expect(CORPUS_TERMS.has(zh)).toBe(true);
    }
  });

  it('ranks a whole gloss before a gloss that only starts with the word', () => {
    const ranked = dictionary.lookup('urbanization');
    expect(ranked.indexOf('城镇化')).toBeGreaterThanOrEqual(0);
    expect(ranked.indexOf('城镇化')).toBeLessThan(ranked.indexOf('城镇化水平'));
  });

  it('skips surnames and finds proper nouns by their name', () => {
    expect(dictionary.lookup('wang')).not.toContain('王');
    expect(dictionary.lookup('jiangbei')).toEqual(['江北区']);
  });
});

describe('English question expansion', () => {
  it('expands R&D spending to the report terms', () => {
    const zh = allChinese(expander.expand('What is the R&D spending ratio?'));
    expect(zh.some((term) => term.includes('研究与试验发展') || term.includes('研发'))).toBe(true);
  });

  it.each([
    ['fixed-asset investment', '固定资产投资'],
    ['Fixed asset investments in 2022', '固定资产投资'],
    ['per capita disposable income', '人均可支配收入'],
    ['What was the per-capita disposable income?', '人均可支配收入'],
    ['urbanization rate', '城镇化率'],
    ["What's the urbanisation rate?", '城镇化率'],
    // "spending" and "expenditure" are one word to the glossary.
    ['What was R&D spending as a share of GDP?', '研发投入强度'],
  ])('%s -> %s', (question, expected) => {
    expect(allChinese(expander.expand(question))).toContain(expected);
  });

  it('expands the English words of a mixed question and leaves the Chinese to the caller', () => {
    const terms = expander.expand('江北区的GDP growth?');
    expect(terms.map((term) => term.source)).toEqual(['gdp', 'growth']);
    expect(allChinese(terms)).toEqual(expect.arrayContaining(['地区生产总值', '增长']));
    expect(isMostlyEnglish('江北区的GDP growth?')).toBe(false);
    expect(isMostlyEnglish("What is Jiangbei's GDP?")).toBe(true);
    expect(isMostlyEnglish('江北区地区生产总值是多少')).toBe(false);
  });

  it('drops stopwords and question words', () => {
    expect(expander.expand('What is the, how many, which of those does it have?')).toEqual([]);
    const sources = expander.expand('How much did the forest grow?').map((term) => term.source);
    expect(sources).toEqual(['forest', 'grow']);
  });

  it('reads the adjective after "how" as asking for an amount, and the same word elsewhere as a concept', () => {
    const sources = (q: string) => expander.expand(q).map((term) => term.source);
    expect(sources('How big is the forest?')).toEqual(['forest']);
    expect(sources('How high is the forest?')).toEqual(['forest']);
    expect(sources('Which big projects started?')).toContain('big projects');
  });

  it('joins neighbouring words whose Chinese forms make a term the corpus writes', () => {
    const terms = expander.expand('growth of high-tech manufacturing');
    expect(terms).toContainEqual(expect.objectContaining({ source: 'high tech manufacturing', zh: ['高技术制造业'], from: 'compound' }));
    // Words apart in the question are not joined, even when their forms would make a corpus term.
    expect(expander.expand('high growth of tech manufacturing').some((t) => t.from === 'compound' && t.zh.includes('高技术制造业'))).toBe(false);
  });

  it('matches a phrase ending in a particle only as spelled: "traded in Hubei" is no trade-in', () => {
    const forms = (q: string) => allChinese(expander.expand(q));
    expect(forms('How much did the trade-in program drive sales?')).toContain('以旧换新');
    expect(forms('What was the value of technology contracts traded in Hubei?')).not.toContain('以旧换新');
  });

  it('matches a phrase of three words or more in any word order, a pair only in its own', () => {
    const small: Glossary = {
      version: 1,
      entries: [
        { en: ['urban surveyed unemployment rate'], zh: ['城镇调查失业率'] },
        { en: ['rate'], zh: ['率'] },
        { en: ['forest coverage'], zh: ['森林覆盖率'] },
      ],
    };
    const forms = (q: string) => allChinese(createEnglishExpander({ glossary: small, isCorpusTerm: () => true }).expand(q));
    expect(forms('the surveyed urban unemployment rate')).toContain('城镇调查失业率');
    expect(forms('the urban surveyed unemployment rate')).toContain('城镇调查失业率');
    expect(forms('the coverage forest')).not.toContain('森林覆盖率');
  });

  it('reads words joined by slashes as a list, and a slash before a unit as "per"', () => {
    const small: Glossary = {
      version: 1,
      entries: [
        { en: ['primary, secondary and tertiary industry'], zh: ['三次产业结构'] },
        { en: ['import and export'], zh: ['进出口'] },
        { en: ['yuan'], zh: ['元'] },
      ],
    };
    const expand = createEnglishExpander({ glossary: small, isCorpusTerm: () => true }).expand;
    expect(allChinese(expand('the primary/secondary/tertiary industry mix'))).toContain('三次产业结构');
    expect(allChinese(expand('total import/export value'))).toContain('进出口');
    expect(tokenizeEnglish('price in yuan/tons').flat().map((t) => t.surface)).toEqual(['price', 'in', 'yuan', 'tons']);
  });

  it('reads over/under as comparing only before a number', () => {
    expect(expander.expand('forest over the period').map((t) => t.source)).not.toContain('over');
    expect(expander.expand('forest over 100 mu').map((t) => t.source)).toContain('over');
    // A year alone after "over" is the base of a change, not an amount.
    expect(expander.expand('forest increase over 2020 and growth').map((t) => t.source)).not.toContain('over');
    expect(expander.expand('forest over 2020 mu').map((t) => t.source)).toContain('over');
  });

  it('still matches a longer phrase that opens with over/under/above/below', () => {
    expect(allChinese(expander.expand('above-scale industrial output'))).toContain('规上工业总产值');
    expect(expander.expand('above-scale industrial output').map((t) => t.source)).not.toContain('scale');
  });

  it('uses the reverse dictionary for words the glossary lacks', () => {
    expect(expander.expand('Which embankment?')).toEqual([
      expect.objectContaining({ source: 'embankment', zh: ['路堤'], from: 'cedict' }),
    ]);
  });

  it('keeps glossary terms missing from the corpus at a lower weight, and falls back to shorter phrases', () => {
    const terms = expander.expand('forest coverage rate');
    expect(terms[0]).toMatchObject({ source: 'forest coverage rate', zh: ['森林覆盖率'] });
    expect(terms[0]!.weight).toBeLessThan(0.5);
    expect(allChinese(terms)).toEqual(expect.arrayContaining(['森林', '覆盖率']));
  });

  it('stems plurals, -ing and British spellings alike on both sides', () => {
    expect(stemEnglish('policies')).toBe(stemEnglish('policy'));
    expect(stemEnglish('kindergartens')).toBe(stemEnglish('kindergarten'));
    expect(stemEnglish('urbanisation')).toBe(stemEnglish('urbanization'));
    expect(stemEnglish('news')).toBe('news');
  });
});
