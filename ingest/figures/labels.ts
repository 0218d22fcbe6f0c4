/**
 * Finds what a value measures from the words around it, the way statistical prose is written:
 * "<label><verb><value>" (财政总收入达到 493.4 亿元), "<verb><label><value>" (累计完成工业投资 103.7 亿元)
 * or "<verb><value><counted thing>" (累计建设 5 个国家级众创空间).
 */

/** Verbs and markers that join a label to its value, longest first. */
const LINK_VERBS = [
  '年均增长', '年均增速', '同比增长', '同比下降', '比上年增长', '提升至', '提高至', '提升到', '提高到', '下降至', '下降到',
  '降低至', '降至', '升至', '升到', '增至', '降为', '提升为', '缩小至', '缩小到', '扩大至', '扩大到', '调整至', '调整到',
  '增长至', '增长到', '增加至', '增加到', '减少至', '减少到', '下降为', '优化为', '保持在', '控制在', '稳定在', '达到',
  '实现', '突破', '超过', '完成', '新增', '累计', '增长', '增加', '提升', '提高', '下降', '降低', '减少', '位居', '位列',
  '居于', '排名', '排在', '跻身', '进入', '不少于', '不低于', '不高于', '不超过', '低于', '高于', '获评', '入选', '建成', '建设', '引进', '培育', '创建', '投入', '落地', '签约',
  '招引', '开工', '竣工', '发放', '惠及', '接种', '覆盖', '带动', '拉动', '吸引', '占比', '占', '达', '超', '为', '是',
  '有', '居', '列', '至', '近',
].sort((a, b) => b.length - a.length);

/** Words that qualify a value; reported as its qualifier. */
const QUALIFIER_WORDS = [
  '年均增长', '年均增速', '同比增长', '累计', '年均', '同比', '突破', '超过', '达到', '提升至', '提高至', '调整至',
  '下降至', '降至', '缩小至', '缩小到', '优化为', '新增', '增长', '连续', '约', '近', '超', '达', '余', '以上', '左右',
];

/** Scope words are part of a rank's context, not a label on their own. */
const SCOPE_RE = /^(全国|全省|全市|全区|省内|市内|省|市|国内|同类城区|同类)*$/;
/** Labels that only make sense with the subject of the sentence before them. */
const GENERIC_LABEL_RE = /^(总量|总额|规模|增速|增幅|比重|占比|总计|合计|其中|分别|数量|总数|人数|个数|金额|面积|产值)$/;
const LEADING_NOISE_RE = /^[\s，,；;、：:（(]*(其中|并且|并|同时|以及|及|和|与|且|还|也|又|再|共|全年|全区|全市|我区|该区|此外|另外|目前|截至目前)*/;
const TRAILING_NOISE_RE = /(?:[\s、，,：:（(]|约|逾|超过)+$/;

/** Cleans a label candidate; returns '' when nothing meaningful is left. */
export function cleanLabel(text: string): string {
  let label = text.replace(/\*\*/g, '').replace(LEADING_NOISE_RE, '').replace(TRAILING_NOISE_RE, '').trim();
  label = balanceQuotes(label.replace(/^[”"）)]+/, ''));
  if (!/[\u4e00-\u9fffA-Za-z]/.test(label)) return '';
  return label.length > 40 ? label.slice(-40) : label;
}

/** Splits the words before a value into the label and the linking verb/qualifier. */
export function labelFromPrefix(prefix: string): { before: string; verb: string | null; after: string } {
  let best: { index: number; verb: string } | null = null;
  for (const verb of LINK_VERBS) {
    const index = prefix.lastIndexOf(verb);
    if (index === -1) continue;
    const endsLater = !best || index + verb.length > best.index + best.verb.length;
    const sameEndLonger = best && index + verb.length === best.index + best.verb.length && verb.length > best.verb.length;
    if (endsLater || sameEndLonger) best = { index, verb };
  }
  if (!best) return { before: prefix, verb: null, after: '' };
  return { before: prefix.slice(0, best.index), verb: best.verb, after: prefix.slice(best.index + best.verb.length) };
}

/** The qualifier words present in the text right before a value, in reading order. */
export function findQualifier(prefix: string): string | null {
  const tail = prefix.slice(-12);
  const words = QUALIFIER_WORDS.filter((w) => tail.includes(w));
  // Keep the most specific words: drop 增长 when 年均增长 is there, 达 when 达到 is.
  const specific = words.filter((w) => !words.some((o) => o !== w && o.includes(w)));
  const ordered = specific.sort((a, b) => tail.lastIndexOf(a) - tail.lastIndexOf(b));
  return ordered.length ? ordered.join('') : null;
}

/**
 * The label of a single value from the clause text before it and the text after its unit.
 * @example chooseLabel('累计完成工业投资', '', false) // -> '工业投资'
 * @example chooseLabel('布局建设', '新型储能项目', false, true) // -> '新型储能项目'
 */
export function chooseLabel(prefix: string, suffix: string, isCount: boolean, isMeasure = false): string {
  const { before, verb, after } = labelFromPrefix(prefix);
  const afterLabel = cleanLabel(after);
  const suffixLabel = cleanLabel(suffix);
  // "布局建设700万千瓦新型储能项目": a measure right after its verb measures the thing that follows.
  if (isMeasure && verb && !afterLabel && suffixLabel) return suffixLabel;
  // "引进支持 10 个长三角区域高层次人才项目": a count's thing follows it; a two-character rest
  // before the value ("支持") is another verb, not what is counted.
  if (isCount && suffixLabel && [...afterLabel].length <= 2) return suffixLabel;
  // "建成爱柯迪成长中心等 9 家企业级工匠学院": 等 closes examples; what is counted follows.
  if (isCount && suffixLabel && afterLabel.endsWith('等')) return suffixLabel;
  if (afterLabel && !SCOPE_RE.test(afterLabel)) return afterLabel;
  const beforeLabel = cleanLabel(verb ? stripTrailingVerbs(before) : before);
  if (isCount && suffixLabel && !beforeLabel) return suffixLabel;
  if (beforeLabel) return beforeLabel;
  return suffixLabel;
}

/** Drops a quote mark left without its partner at either end: "“专精特新”小巨人" stays whole. */
function balanceQuotes(label: string): string {
  let result = label;
  const opens = (result.match(/“/g) ?? []).length;
  const closes = (result.match(/”/g) ?? []).length;
  if (closes > opens && result.endsWith('”')) result = result.slice(0, -1);
  if (opens > closes && result.startsWith('“')) result = result.slice(1);
  return result.trim();
}

function stripTrailingVerbs(text: string): string {
  let result = text;
  for (let changed = true; changed; ) {
    changed = false;
    for (const verb of LINK_VERBS) {
      if (verb.length > 1 && result.endsWith(verb)) {
        result = result.slice(0, -verb.length);
        changed = true;
      }
    }
  }
  return result;
}

export function isGenericLabel(label: string): boolean {
  return GENERIC_LABEL_RE.test(label);
}

/** An elided measure at the start of a clause: "总量达到" -> "总量", "占比提高到" -> "占比". */
const ELIDED_HEAD_RE = /^(总量|总额|规模|增速|增幅|比重|占比|总数|产值)/;

export function elidedHead(prefix: string): string | null {
  return ELIDED_HEAD_RE.exec(prefix.replace(LEADING_NOISE_RE, '').trim())?.[1] ?? null;
}

/**
 * The measure a label names, fit to take an elided head: rate and qualifier words removed, and
 * nothing when it is a verb phrase ("进入全市前三") or only a generic word.
 * @example measureSubject('地区生产总值增速连续') // -> '地区生产总值'
 */
export function measureSubject(label: string): string {
  let subject = cleanLabel(label);
  for (let changed = true; changed; ) {
    const before = subject;
    subject = stripTrailingVerbs(subjectOf(subject)).replace(/(连续|累计|年均|同比|全年)$/, '');
    changed = subject !== before;
  }
  if (!/[\u4e00-\u9fff]{2}/.test(subject) || isGenericLabel(subject) || SCOPE_RE.test(subject)) return '';
  return LINK_VERBS.some((verb) => verb.length > 1 && subject.startsWith(verb)) ? '' : subject;
}

/** Removes rate words from a subject so that a following generic label can be attached to it. */
export function subjectOf(label: string): string {
  return label.replace(/(年均增速|年均增长|同比增长|增速|增幅|增长率|增长|比重|占比)$/, '');
}
