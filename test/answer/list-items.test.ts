import { describe, expect, it } from 'vitest';
import { clauseItems, ordinalItems } from '../../server/answer/list-items.js';

describe('ordinalItems', () => {
  it('follows 一是/二是 over the sentences after an intro, each item titled by its first sentence', () => {
    const text = '但同时，有利条件也在增多。一是政策有支撑。国家出台了一系列政策。二是市场有空间。需求持续回升。三是产业有基础。';
    const items = ordinalItems(text);
    expect(items.map((i) => i.title)).toEqual(['政策有支撑', '市场有空间', '产业有基础']);
    expect(text.slice(items[1]!.start, items[1]!.end)).toBe('二是市场有空间。');
  });

  it('reads numbered and circled markers, and cuts a long item at its first comma', () => {
    const long = '（1）加快建设综合交通枢纽，完善对外通道和城市路网体系建设，提高通勤效率和出行品质。（2）提升公共服务。';
    expect(ordinalItems(long).map((i) => i.title)).toEqual(['加快建设综合交通枢纽', '提升公共服务']);
    expect(ordinalItems('①扩大有效投资。②提振消费。').map((i) => i.title)).toEqual(['扩大有效投资', '提振消费']);
  });

  it('finds nothing when the text does not go on with markers, or when the first marker comes too late', () => {
    expect(ordinalItems('全年经济运行平稳。投资增长较快。')).toEqual([]);
    expect(ordinalItems('甲。乙。丙。丁。一是某项。二是某项。')).toEqual([]);
    expect(ordinalItems('一是只有一项。')).toEqual([]);
  });
});

describe('clauseItems', () => {
  it('lists the clauses of an enumerating sentence without joining words or time phrases', () => {
    expect(clauseItems('两年半以来，但同时，首位度还不够高，枢纽功能还不够强，品质还不够精。')).toEqual([
      '首位度还不够高',
      '枢纽功能还不够强',
      '品质还不够精',
    ]);
  });

  it('splits "存在甲、乙、丙等问题" into its parts, and keeps a sentence that lists nothing whole', () => {
    expect(clauseItems('仍存在人才短缺、用地紧张、融资困难等问题。')).toEqual(['人才短缺', '用地紧张', '融资困难']);
    expect(clauseItems('总体进展顺利。')).toEqual(['总体进展顺利']);
  });
});
