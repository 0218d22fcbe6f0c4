/**
 * The 34 provincial-level divisions of China as data: official and short Chinese names, the
 * one-character abbreviation, pinyin and the usual English names. Region detection reads the
 * Chinese names; questions in English are matched against `pinyin`, `english` and `aliases`.
 */

export type ProvinceType = 'municipality' | 'province' | 'autonomous-region' | 'sar';

export interface ProvinceEntry {
  /** Official name: "广西壮族自治区". */
  name: string;
  /** Short form the reports use in running text: "广西". */
  short: string;
  /** One-character abbreviation (简称): "桂". */
  abbr: string;
  type: ProvinceType;
  /** Pinyin of the short name, as English writes it: "Guangxi". */
  pinyin: string;
  /** Usual English name: "Guangxi Zhuang Autonomous Region". */
  english: string;
  /** Other English or romanized forms met in questions: "Kwangsi". */
  aliases: readonly string[];
}

export const PROVINCES: readonly ProvinceEntry[] = [
  { name: '北京市', short: '北京', abbr: '京', type: 'municipality', pinyin: 'Beijing', english: 'Beijing Municipality', aliases: ['Peking'] },
  { name: '天津市', short: '天津', abbr: '津', type: 'municipality', pinyin: 'Tianjin', english: 'Tianjin Municipality', aliases: ['Tientsin'] },
  { name: '上海市', short: '上海', abbr: '沪', type: 'municipality', pinyin: 'Shanghai', english: 'Shanghai Municipality', aliases: [] },
  { name: '重庆市', short: '重庆', abbr: '渝', type: 'municipality', pinyin: 'Chongqing', english: 'Chongqing Municipality', aliases: ['Chungking'] },
  { name: '河北省', short: '河北', abbr: '冀', type: 'province', pinyin: 'Hebei', english: 'Hebei Province', aliases: ['Hopei'] },
  { name: '山西省', short: '山西', abbr: '晋', type: 'province', pinyin: 'Shanxi', english: 'Shanxi Province', aliases: ['Shansi'] },
  { name: '辽宁省', short: '辽宁', abbr: '辽', type: 'province', pinyin: 'Liaoning', english: 'Liaoning Province', aliases: [] },
  { name: '吉林省', short: '吉林', abbr: '吉', type: 'province', pinyin: 'Jilin', english: 'Jilin Province', aliases: ['Kirin'] },
  { name: '黑龙江省', short: '黑龙江', abbr: '黑', type: 'province', pinyin: 'Heilongjiang', english: 'Heilongjiang Province', aliases: [] },
  { name: '江苏省', short: '江苏', abbr: '苏', type: 'province', pinyin: 'Jiangsu', english: 'Jiangsu Province', aliases: ['Kiangsu'] },
  { name: '浙江省', short: '浙江', abbr: '浙', type: 'province', pinyin: 'Zhejiang', english: 'Zhejiang Province', aliases: ['Chekiang'] },
  { name: '安徽省', short: '安徽', abbr: '皖', type: 'province', pinyin: 'Anhui', english: 'Anhui Province', aliases: ['Anhwei'] },
  { name: '福建省', short: '福建', abbr: '闽', type: 'province', pinyin: 'Fujian', english: 'Fujian Province', aliases: ['Fukien'] },
  { name: '江西省', short: '江西', abbr: '赣', type: 'province', pinyin: 'Jiangxi', english: 'Jiangxi Province', aliases: ['Kiangsi'] },
  { name: '山东省', short: '山东', abbr: '鲁', type: 'province', pinyin: 'Shandong', english: 'Shandong Province', aliases: ['Shantung'] },
  { name: '河南省', short: '河南', abbr: '豫', type: 'province', pinyin: 'Henan', english: 'Henan Province', aliases: ['Honan'] },
  { name: '湖北省', short: '湖北', abbr: '鄂', type: 'province', pinyin: 'Hubei', english: 'Hubei Province', aliases: ['Hupeh'] },
  { name: '湖南省', short: '湖南', abbr: '湘', type: 'province', pinyin: 'Hunan', english: 'Hunan Province', aliases: [] },
  { name: '广东省', short: '广东', abbr: '粤', type: 'province', pinyin: 'Guangdong', english: 'Guangdong Province', aliases: ['Kwangtung'] },
  { name: '海南省', short: '海南', abbr: '琼', type: 'province', pinyin: 'Hainan', english: 'Hainan Province', aliases: [] },
  { name: '四川省', short: '四川', abbr: '川', type: 'province', pinyin: 'Sichuan', english: 'Sichuan Province', aliases: ['Szechuan', 'Szechwan'] },
  { name: '贵州省', short: '贵州', abbr: '黔', type: 'province', pinyin: 'Guizhou', english: 'Guizhou Province', aliases: ['Kweichow'] },
  { name: '云南省', short: '云南', abbr: '滇', type: 'province', pinyin: 'Yunnan', english: 'Yunnan Province', aliases: [] },
  { name: '陕西省', short: '陕西', abbr: '陕', type: 'province', pinyin: 'Shaanxi', english: 'Shaanxi Province', aliases: ['Shensi'] },
  { name: '甘肃省', short: '甘肃', abbr: '甘', type: 'province', pinyin: 'Gansu', english: 'Gansu Province', aliases: ['Kansu'] },
  { name: '青海省', short: '青海', abbr: '青', type: 'province', pinyin: 'Qinghai', english: 'Qinghai Province', aliases: ['Tsinghai'] },
  { name: '台湾省', short: '台湾', abbr: '台', type: 'province', pinyin: 'Taiwan', english: 'Taiwan Province', aliases: [] },
  { name: '内蒙古自治区', short: '内蒙古', abbr: '蒙', type: 'autonomous-region', pinyin: 'Neimenggu', english: 'Inner Mongolia Autonomous Region', aliases: ['Inner Mongolia', 'Nei Mongol', 'Nei Menggu'] },
  { name: '广西壮族自治区', short: '广西', abbr: '桂', type: 'autonomous-region', pinyin: 'Guangxi', english: 'Guangxi Zhuang Autonomous Region', aliases: ['Kwangsi'] },
  { name: '西藏自治区', short: '西藏', abbr: '藏', type: 'autonomous-region', pinyin: 'Xizang', english: 'Tibet Autonomous Region', aliases: ['Tibet', 'Xizang Autonomous Region'] },
  { name: '宁夏回族自治区', short: '宁夏', abbr: '宁', type: 'autonomous-region', pinyin: 'Ningxia', english: 'Ningxia Hui Autonomous Region', aliases: [] },
  { name: '新疆维吾尔自治区', short: '新疆', abbr: '新', type: 'autonomous-region', pinyin: 'Xinjiang', english: 'Xinjiang Uygur Autonomous Region', aliases: ['Xinjiang Uyghur Autonomous Region', 'Sinkiang'] },
  { name: '香港特别行政区', short: '香港', abbr: '港', type: 'sar', pinyin: 'Xianggang', english: 'Hong Kong Special Administrative Region', aliases: ['Hong Kong', 'Hongkong', 'HKSAR'] },
  { name: '澳门特别行政区', short: '澳门', abbr: '澳', type: 'sar', pinyin: 'Aomen', english: 'Macao Special Administrative Region', aliases: ['Macao', 'Macau', 'Macau SAR'] },
];
