// The demo city: Qingdao 青岛市 (pooling area 3702), one of the first LTCI pilot cities.
// Districts carry real GB/T 2260 codes; town and village codes follow the statistical pattern.

export interface DemoRegion {
  code: string;
  name: string;
  /** Approximate centre, WGS-84. */
  lng: number;
  lat: number;
  children?: DemoRegion[];
}

const villages = (town: string, names: string[], lng: number, lat: number): DemoRegion[] =>
  names.map((name, i) => ({
    code: `${town}${String(i + 1).padStart(3, '0')}`,
    name,
    lng: lng + (i - 1) * 0.004,
    lat: lat + ((i % 2) - 0.5) * 0.004,
  }));

const town = (code: string, name: string, lng: number, lat: number, v: string[]): DemoRegion => ({
  code,
  name,
  lng,
  lat,
  children: villages(code, v, lng, lat),
});

export const DEMO_POOLING_AREA = '3702';

export const DEMO_CITY: DemoRegion = {
  code: '3702',
  name: '青岛市',
  lng: 120.38,
  lat: 36.07,
  children: [
    {
      code: '370202',
      name: '市南区',
      lng: 120.39,
      lat: 36.06,
      children: [
        town('370202001', '香港中路街道', 120.395, 36.062, ['东海路社区', '燕儿岛路社区', '南京路社区']),
        town('370202002', '八大关街道', 120.352, 36.052, ['汇泉社区', '太平角社区', '湛山社区']),
        town('370202003', '中山路街道', 120.315, 36.066, ['天主教堂社区', '胶州路社区', '大学路社区']),
      ],
    },
    {
      code: '370203',
      name: '市北区',
      lng: 120.37,
      lat: 36.09,
      children: [
        town('370203001', '台东街道', 120.352, 36.085, ['威海路社区', '长兴路社区', '台东一路社区']),
        town('370203002', '辽宁路街道', 120.334, 36.079, ['辽宁路社区', '冠县路社区', '热河路社区']),
        town('370203003', '浮山新区街道', 120.402, 36.092, ['福州北路社区', '宁德路社区', '延吉路社区']),
      ],
    },
    {
      code: '370212',
      name: '崂山区',
      lng: 120.47,
      lat: 36.11,
      children: [
        town('370212001', '中韩街道', 120.452, 36.108, ['张村社区', '朱家洼社区', '石老人社区']),
        town('370212002', '沙子口街道', 120.548, 36.118, ['沙子口村', '南姜村', '大河东村']),
        town('370212003', '王哥庄街道', 120.652, 36.262, ['王哥庄村', '晓望村', '港东村']),
      ],
    },
  ],
};

/** Visits the tree depth-first with each node's parent code. */
export function* walk(node: DemoRegion, parent: string | null = null): Generator<[DemoRegion, string | null]> {
  yield [node, parent];
  for (const child of node.children ?? []) yield* walk(child, node.code);
}
