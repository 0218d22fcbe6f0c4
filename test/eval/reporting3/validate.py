#!/usr/bin/env python3
"""Validate the reporting3 question sets (format per /work/shared/eval/README.md)."""
import json, os, re, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
REP = '/work/shared/corpus/reports'
JB_PATH = '/work/main/corpus/jiangbei-14th-fyp-midterm-review.md'
JB_DOC = 'jiangbei-14th-fyp-midterm-review'
TYPES = {'figure', 'fact', 'list', 'multi', 'unanswerable'}
REGION_NAMES = {
    'anhui': ['安徽', 'Anhui'], 'beijing': ['北京', 'Beijing'], 'fujian': ['福建', 'Fujian'],
    'gansu': ['甘肃', 'Gansu'], 'guangxi': ['广西', 'Guangxi'], 'guizhou': ['贵州', 'Guizhou'],
    'hebei': ['河北', 'Hebei'], 'heilongjiang': ['黑龙江', 'Heilongjiang'], 'hubei': ['湖北', 'Hubei'],
    'hunan': ['湖南', 'Hunan'], 'jiangxi': ['江西', 'Jiangxi'], 'jilin': ['吉林', 'Jilin'],
    'liaoning': ['辽宁', 'Liaoning'], 'neimenggu': ['内蒙古', 'Inner Mongolia'], 'ningxia': ['宁夏', 'Ningxia'],
    'qinghai': ['青海', 'Qinghai'], 'shandong': ['山东', 'Shandong'], 'shanghai': ['上海', 'Shanghai'],
    'shanxi': ['山西', 'Shanxi'], 'tianjin': ['天津', 'Tianjin'], 'xinjiang': ['新疆', 'Xinjiang'],
    'xizang': ['西藏', 'Tibet', 'Xizang'], 'yunnan': ['云南', 'Yunnan'], 'jiangbei': ['江北', 'Jiangbei'],
}
errors, notes = [], []
_texts = {}


def text(doc):
    if doc not in _texts:
        p = JB_PATH if doc == JB_DOC else os.path.join(REP, doc + '.txt')
        _texts[doc] = open(p, encoding='utf-8').read() if os.path.exists(p) else None
    return _texts[doc]


def norm(s):
    s = re.sub(r'[\s\u3000*]', '', s)
    return s.replace('(', '（').replace(')', '）').lower()


def region_of(doc):
    return 'jiangbei' if doc == JB_DOC else doc.split('-')[0]


def check_evidence(fname, qid, doc, p):
    for k in ('answers', 'section', 'chapter', 'evidence'):
        if k not in p:
            errors.append(f'{fname} {qid}: missing {k}')
            return
    t = text(doc)
    if t is None:
        errors.append(f'{fname} {qid}: unknown doc {doc}')
        return
    ans, ev = p['answers'], p['evidence']
    if not (1 <= len(ans) <= 3):
        errors.append(f'{fname} {qid}: {len(ans)} answers')
    if not ev or ev not in t:
        errors.append(f'{fname} {qid}: evidence not an exact substring of {doc}')
    elif t.count(ev) > 1:
        notes.append(f'{fname} {qid}: evidence occurs {t.count(ev)}x')
    for a in ans:
        if re.search(r'\s', a):
            errors.append(f'{fname} {qid}: answer has whitespace: {a!r}')
        if norm(a) not in norm(ev):
            errors.append(f'{fname} {qid}: answer {a!r} not in evidence')
    nt = norm(t)
    for k in ('section', 'chapter'):
        if not p[k] or norm(p[k]) not in nt:
            errors.append(f'{fname} {qid}: {k} {p[k]!r} not found in doc')
    # the evidence must come after its chapter and section headings
    i = t.find(ev)
    for k in ('chapter', 'section'):
        j = t.find(p[k].split('。')[0][:12]) if p[k] else -1
        if i >= 0 and p[k] and (j < 0 or j > i):
            # jiangbei headings may carry markdown markup / ASCII parens
            if doc != JB_DOC:
                errors.append(f'{fname} {qid}: {k} heading does not precede evidence')


def load(fname):
    path = os.path.join(HERE, fname)
    recs = []
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                errors.append(f'{fname}: blank line {n}')
                continue
            try:
                recs.append(json.loads(line))
            except json.JSONDecodeError as e:
                errors.append(f'{fname}:{n}: bad JSON {e}')
    return recs


def check_file(fname, *, fixed_doc=None, has_doc=True, need_region=False):
    recs = load(fname)
    ids = [r.get('id') for r in recs]
    for i, c in Counter(ids).items():
        if c > 1:
            errors.append(f'{fname}: duplicate id {i}')
    for r in recs:
        qid = r.get('id')
        for k in ('id', 'question', 'lang', 'type'):
            if k not in r:
                errors.append(f'{fname} {qid}: missing {k}')
        if r.get('lang') not in ('zh', 'en'):
            errors.append(f'{fname} {qid}: bad lang')
        q = r.get('question', '')
        cjk = re.findall(r'[\u4e00-\u9fff]', q)
        if r.get('lang') == 'zh' and not cjk:
            errors.append(f'{fname} {qid}: zh question without Chinese')
        if r.get('lang') == 'en' and len(cjk) > 0:
            errors.append(f'{fname} {qid}: en question contains Chinese')
        typ = r.get('type')
        if typ not in TYPES:
            errors.append(f'{fname} {qid}: bad type {typ}')
        if typ == 'multi':
            # per-report sets keep the item's doc at top level; comparisons carry it per part only
            top = ('answers', 'section', 'chapter', 'evidence') + (() if fixed_doc and has_doc else ('doc',))
            for k in top:
                if k in r:
                    errors.append(f'{fname} {qid}: multi has top-level {k}')
            if fixed_doc and has_doc and r.get('doc') != fixed_doc:
                errors.append(f'{fname} {qid}: multi top-level doc missing or wrong')
            parts = r.get('parts') or []
            if len(parts) < 2:
                errors.append(f'{fname} {qid}: multi needs >=2 parts')
            for p in parts:
                doc = p.get('doc', fixed_doc)
                if has_doc and 'doc' not in p:
                    errors.append(f'{fname} {qid}: part without doc')
                if not has_doc and 'doc' in p:
                    errors.append(f'{fname} {qid}: part has doc in doc-less set')
                if fixed_doc and doc != fixed_doc:
                    errors.append(f'{fname} {qid}: part doc {doc} != {fixed_doc}')
                check_evidence(fname, qid, doc, p)
            docs = [p.get('doc', fixed_doc) for p in parts]
            if need_region:
                for dd in docs:
                    if not any(n.lower() in q.lower() for n in REGION_NAMES[region_of(dd)]):
                        errors.append(f'{fname} {qid}: question does not name region of {dd}')
            continue
        if 'parts' in r:
            errors.append(f'{fname} {qid}: parts on non-multi')
        doc = r.get('doc', fixed_doc)
        if has_doc and 'doc' not in r:
            errors.append(f'{fname} {qid}: missing doc')
        if not has_doc and 'doc' in r:
            errors.append(f'{fname} {qid}: doc field present in doc-less set')
        if fixed_doc and doc != fixed_doc:
            errors.append(f'{fname} {qid}: doc {doc} != {fixed_doc}')
        if need_region and not any(n.lower() in q.lower() for n in REGION_NAMES[region_of(doc)]):
            errors.append(f'{fname} {qid}: question does not name its region')
        if typ == 'unanswerable':
            if r.get('answers') != [] or r.get('section') != '' or r.get('chapter') != '' or r.get('evidence') != '':
                errors.append(f'{fname} {qid}: unanswerable must have empty answers/section/chapter/evidence')
            if text(doc) is None:
                errors.append(f'{fname} {qid}: unknown doc {doc}')
        else:
            check_evidence(fname, qid, doc, r)
    return recs


def summary(fname, recs, expect_n, id_prefix):
    types = Counter(r['type'] for r in recs)
    en = sum(r['lang'] == 'en' for r in recs)
    if len(recs) != expect_n:
        errors.append(f'{fname}: {len(recs)} records, expected {expect_n}')
    want = [f'{id_prefix}{i:02d}' for i in range(1, expect_n + 1)]
    if [r['id'] for r in recs] != want:
        errors.append(f'{fname}: ids not {want[0]}..{want[-1]} in order')
    print(f'{fname}: n={len(recs)} en={en} ({en / len(recs):.0%}) types={dict(types)}')
    return types, en


def main():
    # per-report sets
    for fname, doc, n, pre, unans in [
        ('jiangbei.jsonl', JB_DOC, 30, 'j', 6),
        ('anhui.jsonl', 'anhui-2026-gov-work-report', 20, 'ah', 4),
        ('jilin.jsonl', 'jilin-2026-gov-work-report', 20, 'jl', 4),
        ('shanxi.jsonl', 'shanxi-2026-gov-work-report', 20, 'sx', 4),
    ]:
        recs = check_file(fname, fixed_doc=doc, has_doc=(fname != 'jiangbei.jsonl'))
        types, en = summary(fname, recs, n, pre)
        if types['unanswerable'] != unans:
            errors.append(f'{fname}: {types["unanswerable"]} unanswerable, expected {unans}')
        if not 2 <= types['list'] <= 3:
            errors.append(f'{fname}: {types["list"]} list questions')
        if not 1 <= types['multi'] <= 2:
            errors.append(f'{fname}: {types["multi"]} multi questions')
        if types['figure'] <= len(recs) / 2 - 1 or types['fact'] < 1:
            errors.append(f'{fname}: figure/fact mix off')
        if not 0.35 <= en / len(recs) <= 0.45:
            errors.append(f'{fname}: English share {en / len(recs):.0%}')
    # library: regions
    fname = 'library/regions.jsonl'
    recs = check_file(fname, need_region=True)
    types, en = summary(fname, recs, 40, 'lr')
    regs = Counter(region_of(r['doc']) for r in recs)
    print(f'{fname}: regions={len(regs)} per-region={dict(sorted(regs.items()))}')
    if len(regs) < 22:
        errors.append(f'{fname}: only {len(regs)} regions')
    for g, c in regs.items():
        if g == 'jiangbei':
            if not 2 <= c <= 3:
                errors.append(f'{fname}: Jiangbei {c}x')
        elif c > 2:
            errors.append(f'{fname}: {g} {c}x')
    if en < 15:
        errors.append(f'{fname}: only {en} English')
    if types['unanswerable'] != 5:
        errors.append(f'{fname}: {types["unanswerable"]} unanswerable')
    if types['figure'] < 20 or types['fact'] < 1 or types['list'] < 1:
        errors.append(f'{fname}: type mix off')
    # library: comparisons
    fname = 'library/comparisons.jsonl'
    recs = check_file(fname, need_region=True)
    types, en = summary(fname, recs, 8, 'lc')
    if types['multi'] != 8:
        errors.append(f'{fname}: not all multi')
    if en < 3:
        errors.append(f'{fname}: only {en} English')
    for r in recs:
        docs = [p['doc'] for p in r['parts']]
        if len(set(docs)) != 2 or len(docs) != 2:
            errors.append(f'{fname} {r["id"]}: needs two different regions')
    for n in notes:
        print('note:', n)
    if errors:
        print(f'FAILED: {len(errors)} error(s)')
        for e in errors:
            print('  ', e)
        sys.exit(1)
    print('ALL CHECKS PASSED')


if __name__ == '__main__':
    main()
