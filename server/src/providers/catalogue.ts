// The demo city's service-item catalogue (shared/domain/catalogue.md): code, name, category, standard minutes,
// default unit price in fen. Category B (clinical nursing) needs a nurse or medical caregiver.

export const CARE_FORMS = ['HOME', 'INSTITUTION', 'HOSPITAL', 'FAMILY', 'DEVICE'] as const;
export type CareForm = (typeof CARE_FORMS)[number];

/** The care forms' names as documents print them. */
export const CARE_FORM_ZH: Record<CareForm, string> = { HOME: '居家上门护理', INSTITUTION: '机构护理', HOSPITAL: '医疗专护', FAMILY: '居家自主护理', DEVICE: '辅具租赁' };

export const ITEM_CATEGORIES = ['A', 'B', 'C'] as const;
export type ItemCategory = (typeof ITEM_CATEGORIES)[number];

export interface CatalogueEntry {
  code: string;
  name: string;
  category: ItemCategory;
  minutes: number;
  defaultPriceFen: number;
  careForms: CareForm[];
}

const A: [string, string, number, number][] = [
  ['A01', '头面部清洁、梳理', 15, 12], ['A02', '洗发', 20, 15], ['A03', '指/趾甲护理', 15, 12], ['A04', '手、足部清洁', 15, 10],
  ['A05', '温水擦浴', 30, 25], ['A06', '沐浴', 40, 35], ['A07', '协助进食/水', 20, 15], ['A08', '口腔清洁', 10, 8],
  ['A09', '协助更衣', 15, 10], ['A10', '整理床单位', 15, 10], ['A11', '排泄护理', 20, 15], ['A12', '失禁护理', 20, 18],
  ['A13', '床上使用便器', 10, 8], ['A14', '人工取便', 20, 25], ['A15', '晨间护理', 20, 15], ['A16', '晚间护理', 20, 15],
  ['A17', '会阴护理', 15, 12], ['A18', '药物管理', 10, 8], ['A19', '协助翻身叩背排痰', 15, 12], ['A20', '协助床上移动', 10, 8],
  ['A21', '借助器具移动', 15, 12], ['A22', '压疮预防护理', 20, 18], ['A23', '留置尿管护理', 15, 15], ['A24', '人工肛门便袋护理', 15, 15],
  ['A25', '安全护理(防跌倒、防走失)', 15, 10], ['A26', '生活自理能力训练', 30, 25], ['A27', '协助室外活动', 30, 20],
];
const B: [string, string, number, number][] = [
  ['B01', '开塞露/直肠栓剂给药', 10, 15], ['B02', '鼻饲', 20, 25], ['B03', '药物喂服', 10, 10], ['B04', '物理降温', 20, 15],
  ['B05', '生命体征监测', 15, 15], ['B06', '吸氧', 20, 20], ['B07', '灌肠', 30, 40], ['B08', '导尿', 30, 50],
  ['B09', '血糖监测', 10, 15], ['B10', '压疮伤口换药', 30, 45], ['B11', '静脉血标本采集', 15, 20], ['B12', '肌肉注射', 10, 15],
  ['B13', '皮下注射', 10, 15], ['B14', '造口护理', 30, 40], ['B15', 'PICC 维护', 30, 60],
];
const C: [string, string, number, number][] = [['C01', '肢体功能训练', 30, 30], ['C02', '认知功能训练', 30, 30]];

const entries = (rows: [string, string, number, number][], category: ItemCategory): CatalogueEntry[] =>
  rows.map(([code, name, minutes, yuan]) => ({ code, name, category, minutes, defaultPriceFen: yuan * 100, careForms: ['HOME', 'INSTITUTION', 'HOSPITAL'] }));

export const DEMO_CATALOGUE: readonly CatalogueEntry[] = Object.freeze([...entries(A, 'A'), ...entries(B, 'B'), ...entries(C, 'C')]);
