/**
 * Lines that a saved or copied web page carries besides the report: the source/date line with
 * 【字号：大 中 小】, print/close/share links, breadcrumbs, related-article headings, copyright
 * footers, bylines, photo captions and promo links. Only short lines are judged, so article text
 * is kept. The HTML reader drops them from the page; the parser drops them from pasted text.
 */

const MAX_CHROME_LINE_CHARS = 200;
/** Metadata labels that open the line under an article title. */
const META_LINE_RE =
  /^[【\[]?(?:来源|信息来源|文章来源|稿件来源|稿源|时间|发布时间|发布日期|日期|作者|编辑|责任编辑|责编|审核|发布机构|浏览次数|阅读次数|浏览量|点击数|点击量|阅读数|阅读量|访问量|当前位置|您的位置|你的位置|您当前的位置|您现在的位置|所在位置)\s*[:：]/;
const BREADCRUMB_RE = /^(?:首页|网站首页|主页)\s*(?:[>＞»›/]|&gt;)/;
const RELATED_RE = /^[【\[]?(?:相关报道|相关链接|相关阅读|相关新闻|相关文章|相关文件|相关稿件|延伸阅读|推荐阅读|热点推荐)[】\]]?\s*[:：]?$/;
const FOOTER_RE = /版权所有|copyright|©|ICP\s*[备证]|公网安备|网安备|网站标识码|主办单位[:：]|承办单位[:：]|技术支持[:：]|网站地图|联系我们/i;
/** Bylines, photo credits and captions, promo links ("》》点击图片进入专题《《"), prev/next links. */
const BYLINE_RE =
  /^(?:[（(]?(?:新华社|人民网|记者|本报记者|通讯员).{0,20}摄[）)]?|(?:本报记者|记者|通讯员)\s*\S{2,4}(?:\s+(?:本报记者|记者|通讯员)\s*\S{2,4})*|(?:图为|▲|△|图片来源|图\s*\d+\s*[:：]).{0,80}|[》>]{1,3}.{0,30}[《<]{1,3}|(?:点击|进入)(?:图片|专题|查看|阅读).{0,30}|(?:上一篇|下一篇)\s*[:：].{0,80})$/;
/** Tool words of article pages; a line made of nothing else is a tool bar. */
const TOOL_WORDS_RE =
  /字号\s*[:：]?\s*(?:[大中小]\s*){1,3}|打印本页|打印|关闭本页|关闭窗口|关闭|下载|收藏|分享到|分享|扫一扫|返回顶部|返回|我要纠错|纠错|微信|微博|QQ空间|复制链接|保存|默认|加大|还原|减小|上一篇|下一篇|【|】|\[|\]|[|丨｜:：·•/\s]/g;

/**
 * Whether a line is web-page chrome rather than report text.
 * @example isChromeLine('来源：湖北省人民政府 时间：2026-01-31 【字号：大 中 小】 打印 关闭') // -> true
 * @example isChromeLine('全省地区生产总值达到62661亿元。') // -> false
 */
export function isChromeLine(line: string): boolean {
  const text = line.replace(/^#+\s*/, '').trim();
  if (!text || text.length > MAX_CHROME_LINE_CHARS) return false;
  if (META_LINE_RE.test(text) || BREADCRUMB_RE.test(text) || RELATED_RE.test(text) || FOOTER_RE.test(text) || BYLINE_RE.test(text)) return true;
  return text.replace(TOOL_WORDS_RE, '') === '';
}
