/**
 * Lines that a copied web page or a printed PDF carries besides the report: site controls, bylines,
 * share bars, photo credits, "related articles". They are dropped before parsing.
 */

/** Short site-control and byline lines ("【字号：大 中 小】", "来源：新华网 时间：2026-01-27", "打印 关闭"). */
const CHROME_LINE_RE = new RegExp(
  [
    String.raw`^[【\[]?\s*字号\s*[:：]?.{0,20}$`,
    String.raw`^(?:[【\[]?\s*(?:打印|关闭|关闭窗口|收藏|分享|下载|纠错|返回顶部|扫一扫|打印本页|保存|大|中|小|加大|还原|减小|默认)\s*[】\]]?\s*[|｜/]?\s*){1,8}$`,
    String.raw`^(?:来源|发布时间|时间|日期|作者|编辑|责任编辑|责编|浏览次数|阅读次数|点击数|访问量|信息来源|文章来源|发布机构|稿源)\s*[:：].{0,60}$`,
    String.raw`^(?:分享到|分享)\s*[:：]?.{0,40}$`,
    String.raw`^(?:相关(?:报道|链接|新闻|阅读|文章|稿件)|延伸阅读|推荐阅读|热点推荐)\s*[:：]?$`,
    String.raw`^(?:上一篇|下一篇)\s*[:：].{0,80}$`,
    String.raw`^(?:版权所有|Copyright|©).{0,120}$`,
    String.raw`^.{0,60}(?:ICP备|ICP证|网安备|公网安备).{0,60}$`,
    String.raw`^[（(]?(?:新华社|人民网|记者|本报记者|通讯员).{0,20}摄[）)]?$`,
    String.raw`^(?:本报记者|记者|通讯员)\s*\S{2,4}(?:\s+(?:本报记者|记者|通讯员)\s*\S{2,4})*$`,
    String.raw`^(?:图为|▲|△|图片来源|图\s*\d+\s*[:：]).{0,80}$`,
    String.raw`^[》>]{1,3}.{0,30}[《<]{1,3}$`,
    String.raw`^(?:点击|进入)(?:图片|专题|查看|阅读).{0,30}$`,
    String.raw`^(?:首页|当前位置|您当前的位置|您现在的位置)\s*[:：>＞].{0,100}$`,
  ].join('|'),
  'i',
);

/** Whether a line is site chrome, not report text. */
export function isChromeLine(line: string): boolean {
  const text = line.trim();
  if (!text || text.length > 160) return false;
  // Several labelled fields on one line: "来源：省政府网站 时间：2026-01-27 浏览次数：1234".
  if ((text.match(/(?:来源|时间|日期|作者|编辑|浏览|点击)\s*[:：]/g) ?? []).length >= 2 && text.length <= 100) return true;
  return CHROME_LINE_RE.test(text);
}
