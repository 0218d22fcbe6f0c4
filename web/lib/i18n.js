/** UI labels in Chinese and English. Corpus text is never translated, only the interface. */
import { load, save } from './store.js';

const LABELS = {
  zh: {
    appTitle: '政策报告问答',
    appSubtitle: '基于报告原文回答，并给出出处',
    tabChat: '问答',
    tabBrowse: '浏览',
    tabPad: '简报',
    newChat: '新对话',
    switchLang: 'English',
    switchLangLabel: 'Switch the interface to English',
    placeholder: '输入问题…（Enter 发送，Shift+Enter 换行）',
    questionLabel: '问题',
    send: '发送',
    stop: '停止',
    emptyTitle: '向报告提问',
    emptyHint: '每个回答都标注原文出处，点击编号即可查看原文。可以试试：',
    thinking: '正在检索报告…',
    you: '你',
    assistant: '助手',
    sources: '出处',
    keyFigures: '关键数据',
    pin: '加入简报',
    pinned: '已加入简报',
    copy: '复制',
    copied: '已复制',
    abstainTitle: '未找到确切答案',
    closestPassages: '最接近的段落',
    errorTitle: '出错了',
    errNetwork: '无法连接服务器，请检查服务是否在运行。',
    errRate: '请求过于频繁，请 {s} 秒后再试。',
    errAuth: '此服务器需要访问令牌。',
    enterToken: '输入令牌',
    retry: '重试',
    stopped: '已停止。',
    panelLabel: '原文',
    close: '关闭',
    sectionFigures: '本节数据',
    subsections: '下级章节',
    quoteNotFound: '未能在原文中精确定位引文，下面显示整节内容。',
    loading: '加载中…',
    documents: '报告目录',
    figures: '数据一览',
    filterFigures: '筛选数据，例如“亿元”或“创新”',
    colLabel: '指标',
    colValue: '数值',
    colSection: '章节',
    noFigures: '没有匹配的数据。',
    noDocuments: '还没有已索引的报告。',
    padTitle: '简报',
    padEmpty: '在问答或数据一览中点击“加入简报”，在这里整理、排序并导出。',
    padCopy: '复制 Markdown',
    padDownload: '下载 .md',
    padClear: '清空',
    moveUp: '上移',
    moveDown: '下移',
    remove: '移除',
    kindAnswer: '回答',
    kindFigure: '数据',
    briefingHeading: '简报',
    sourcesHeading: '出处',
    tokenTitle: '访问令牌',
    tokenHint: '服务器设置了 API_TOKEN。令牌只保存在本浏览器中。',
    save: '保存',
    cancel: '取消',
    statusOk: '{d} 份报告 · {f} 项数据',
    statusOkOne: '{d} 份报告 · {f} 项数据',
    docMeta: '{s} 节 · {p} 段 · {f} 项数据',
    docFacts: '{region} · {kind} · {years} · {format}',
    kind_gov_work_report: '政府工作报告',
    kind_plan_outline: '规划纲要',
    kind_midterm_review: '中期评估',
    kind_statistical_bulletin: '统计公报',
    kind_other: '其他',
    statusIndexing: '正在建立索引…',
    statusDown: '服务不可用',
    openSource: '查看原文',
  },
  en: {
    appTitle: 'Policy Report Assistant',
    appSubtitle: 'Answers quoted from the reports, with their sources',
    tabChat: 'Chat',
    tabBrowse: 'Browse',
    tabPad: 'Briefing pad',
    newChat: 'New chat',
    switchLang: '中文',
    switchLangLabel: '切换为中文界面',
    placeholder: 'Ask about the reports… (Enter to send, Shift+Enter for a new line)',
    questionLabel: 'Question',
    send: 'Send',
    stop: 'Stop',
    emptyTitle: 'Ask the reports a question',
    emptyHint: 'Every answer cites the report text; click a number to read the source. Try one of these:',
    thinking: 'Searching the reports…',
    you: 'You',
    assistant: 'Assistant',
    sources: 'Sources',
    keyFigures: 'Key figures',
    pin: 'Pin to pad',
    pinned: 'Pinned',
    copy: 'Copy',
    copied: 'Copied',
    abstainTitle: 'No confident answer',
    closestPassages: 'Closest passages',
    errorTitle: 'Something went wrong',
    errNetwork: 'Cannot reach the server. Is it running?',
    errRate: 'Too many requests. Try again in {s} s.',
    errAuth: 'This server needs an access token.',
    enterToken: 'Enter token',
    retry: 'Retry',
    stopped: 'Stopped.',
    panelLabel: 'Source',
    close: 'Close',
    sectionFigures: 'Figures in this section',
    subsections: 'Subsections',
    quoteNotFound: 'The quoted sentence could not be located exactly; the whole section is shown.',
    loading: 'Loading…',
    documents: 'Documents',
    figures: 'Figures',
    filterFigures: 'Filter figures, e.g. 亿元 or 创新',
    colLabel: 'Indicator',
    colValue: 'Value',
    colSection: 'Section',
    noFigures: 'No figures match.',
    noDocuments: 'No report has been indexed yet.',
    padTitle: 'Briefing pad',
    padEmpty: 'Pin answers or figures (“Pin to pad”) to collect, order and export them here.',
    padCopy: 'Copy Markdown',
    padDownload: 'Download .md',
    padClear: 'Clear',
    moveUp: 'Move up',
    moveDown: 'Move down',
    remove: 'Remove',
    kindAnswer: 'Answer',
    kindFigure: 'Figure',
    briefingHeading: 'Briefing',
    sourcesHeading: 'Sources',
    tokenTitle: 'Access token',
    tokenHint: 'The server has API_TOKEN set. The token stays in this browser only.',
    save: 'Save',
    cancel: 'Cancel',
    statusOk: '{d} documents · {f} figures',
    statusOkOne: '{d} document · {f} figures',
    docMeta: '{s} sections · {p} passages · {f} figures',
    docFacts: '{region} · {kind} · {years} · {format}',
    kind_gov_work_report: 'government work report',
    kind_plan_outline: 'plan outline',
    kind_midterm_review: 'mid-term review',
    kind_statistical_bulletin: 'statistical bulletin',
    kind_other: 'other',
    statusIndexing: 'Building the index…',
    statusDown: 'Server unavailable',
    openSource: 'Open source',
  },
};

let lang = load('lang', navigator.language?.toLowerCase().startsWith('zh') ? 'zh' : 'en');
if (!(lang in LABELS)) lang = 'en';
const listeners = new Set();

/** The label for `key` in the current language, with {name} placeholders filled. */
export function t(key, vars = {}) {
  const text = LABELS[lang][key] ?? LABELS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ''));
}

export function currentLang() {
  return lang;
}

export function setLang(next) {
  lang = next;
  save('lang', next);
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
  translateStatic(document);
  for (const fn of listeners) fn(next);
}

/** Calls `fn` after every language change, to re-render dynamic parts. */
export function onLangChange(fn) {
  listeners.add(fn);
}

/** Fills elements marked data-i18n (text), data-i18n-placeholder, data-i18n-label (aria-label). */
export function translateStatic(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of root.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t(el.dataset.i18nLabel));
  for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
}
