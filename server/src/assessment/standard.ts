// The disability-assessment standard as data: items, options and points, indicator grade bands,
// the combination table (组合法) and the level names.
//
// Source: 长期护理失能等级评估标准（试行）(NHSA and MCA, 2021), 附件1 长期护理失能等级评估表, as transcribed in the
// project's domain notes (domain/assessment.md). Option texts are shown to assessors exactly as written there.
// The cognition and perception-and-communication bands and the combination table are this project's reading of
// the standard. A correction is ONE edit here plus the tests that pin it (test/unit/assessment.rules.test.ts),
// in the same commit. A pooling area that publishes different tables supplies its own AssessmentStandard value;
// the rules (assessment.rules.ts) take the standard as a parameter and never read this module's constants directly.
//
// Pure data and types only: no Node-only imports, because the client imports this module too.

export const INDICATOR_CODES = ['C1', 'C2', 'C3'] as const;
export type IndicatorCode = (typeof INDICATOR_CODES)[number];

/** Grades from best to worst; a higher index is a worse (more severe) grade. */
export const GRADES = ['INTACT', 'MILD', 'MODERATE', 'SEVERE'] as const;
export type Grade = (typeof GRADES)[number];

export const LEVELS = [0, 1, 2, 3, 4, 5] as const;
export type Level = (typeof LEVELS)[number];

export const ITEM_CODES = [
  'ADL_EATING',
  'ADL_DRESSING',
  'ADL_FACE_MOUTH',
  'ADL_BOWEL',
  'ADL_BLADDER',
  'ADL_TOILET',
  'ADL_WALKING',
  'ADL_TRANSFER',
  'ADL_STAIRS',
  'ADL_BATHING',
  'COG_TIME',
  'COG_PERSON',
  'COG_PLACE',
  'COG_MEMORY',
  'PC_VISION',
  'PC_HEARING',
  'PC_COMMUNICATION',
] as const;
export type ItemCode = (typeof ITEM_CODES)[number];

export interface LocalizedName {
  readonly zh: string;
  readonly en: string;
}

export interface IndicatorDef {
  readonly code: IndicatorCode;
  readonly name: LocalizedName;
  readonly maxPoints: number;
}

export interface ItemOption {
  readonly points: number;
  /** The option's text in Chinese, exactly as on the form (without the leading points). */
  readonly text: string;
}

export interface ItemDef {
  readonly code: ItemCode;
  readonly indicator: IndicatorCode;
  readonly name: LocalizedName;
  /** Lowest points first. */
  readonly options: readonly ItemOption[];
}

/** An inclusive range of indicator sums that gives `grade`. */
export interface GradeBand {
  readonly grade: Grade;
  readonly min: number;
  readonly max: number;
}

export interface AssessmentStandard {
  /** Stable identifier, recorded with every result so an explanation can be rendered with the right tables. */
  readonly id: string;
  readonly title: LocalizedName;
  readonly indicators: Readonly<Record<IndicatorCode, IndicatorDef>>;
  /** In the order of the form. */
  readonly items: readonly ItemDef[];
  /** Per indicator, best grade first. */
  readonly gradeBands: Readonly<Record<IndicatorCode, readonly GradeBand[]>>;
  readonly gradeNames: Readonly<Record<Grade, LocalizedName>>;
  /** combination[adlGrade][worse of the C2 and C3 grades] → level. */
  readonly combination: Readonly<Record<Grade, Readonly<Record<Grade, Level>>>>;
  readonly levelNames: Readonly<Record<Level, LocalizedName>>;
}

const opts = (...pairs: readonly (readonly [number, string])[]): ItemOption[] =>
  pairs.map(([points, text]) => ({ points, text }));

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export const NATIONAL_STANDARD_2021: AssessmentStandard = deepFreeze<AssessmentStandard>({
  id: 'CN-LTCI-2021',
  title: {
    zh: '长期护理失能等级评估标准（试行）',
    en: 'Long-term care disability level assessment standard (trial), 2021',
  },
  indicators: {
    C1: { code: 'C1', name: { zh: '日常生活活动能力', en: 'activities of daily living' }, maxPoints: 100 },
    C2: { code: 'C2', name: { zh: '认知能力', en: 'cognition' }, maxPoints: 16 },
    C3: { code: 'C3', name: { zh: '感知觉与沟通能力', en: 'perception and communication' }, maxPoints: 12 },
  },
  items: [
    // C1 日常生活活动能力, 10 items, 0–100
    {
      code: 'ADL_EATING',
      indicator: 'C1',
      name: { zh: '进食', en: 'eating' },
      options: opts(
        [0, '较大或完全依赖，或有留置营养管'],
        [5, '需部分帮助（夹菜、盛饭）'],
        [10, '自理（在合理时间内能独立使用餐具进食各种食物，可使用辅助工具独立完成进食，但不包括做饭）'],
      ),
    },
    {
      code: 'ADL_DRESSING',
      indicator: 'C1',
      name: { zh: '穿衣', en: 'dressing' },
      options: opts(
        [0, '依赖他人'],
        [5, '需要部分帮助（能自己穿脱衣服或假肢或矫形器，但需他人帮助整理衣物、系扣/鞋带、拉拉链等）'],
        [10, '自理（自己系开纽扣，关开拉链和穿鞋、袜、假肢或矫形器等）'],
      ),
    },
    {
      code: 'ADL_FACE_MOUTH',
      indicator: 'C1',
      name: { zh: '面部与口腔清洁', en: 'face and mouth cleaning' },
      options: opts(
        [0, '需要帮助'],
        [5, '独立洗脸、梳头、刷牙、剃须（不包括准备洗脸水、梳子、牙刷等准备工作）'],
      ),
    },
    {
      code: 'ADL_BOWEL',
      indicator: 'C1',
      name: { zh: '大便控制', en: 'bowel control' },
      options: opts(
        [0, '失禁（平均每周≥1次或完全不能控制大便排泄，需要完全依赖他人）'],
        [5, '偶有失禁（每周<1次），或需要他人提示或便秘需要人工帮助取便'],
        [10, '能控制'],
      ),
    },
    {
      code: 'ADL_BLADDER',
      indicator: 'C1',
      name: { zh: '小便控制', en: 'bladder control' },
      options: opts(
        [0, '失禁（平均每天≥1次或经常尿失禁，完全需要他人帮忙完成排尿行为；或留置导尿管，但无法自行管理导尿管）'],
        [5, '偶有失禁（每24h<1次，但每周>1次），或需要他人提示'],
        [10, '能控制（或留置导尿管，可自行管理导尿管）'],
      ),
    },
    {
      code: 'ADL_TOILET',
      indicator: 'C1',
      name: { zh: '用厕', en: 'toilet use' },
      options: opts(
        [0, '需要极大地帮助或完全依赖他人'],
        [5, '需部分帮助（需他人帮忙整理衣裤、坐上/蹲上便器等）'],
        [10, '自理（能够使用厕纸、穿脱裤子等）'],
      ),
    },
    {
      code: 'ADL_WALKING',
      indicator: 'C1',
      name: { zh: '平地行走', en: 'walking on level ground' },
      options: opts(
        [0, '卧床不起、不能步行、移动需要完全帮助'],
        [5, '在较大程度上依赖他人搀扶（≥2人）或依赖他人帮助使用轮椅等辅助工具才能移动'],
        [10, '需少量帮助（需1人搀扶或需他人在旁提示或在他人帮助下使用辅助工具）'],
        [15, '独立步行（自行使用辅助工具，在家及附近等日常生活活动范围内独立步行）'],
      ),
    },
    {
      code: 'ADL_TRANSFER',
      indicator: 'C1',
      name: { zh: '床椅转移', en: 'bed–chair transfer' },
      options: opts(
        [0, '完全依赖他人，不能坐'],
        [5, '需大量帮助（至少2人，身体帮助），能坐'],
        [10, '需少量帮助（1人搀扶或使用拐杖等辅助工具或扶着墙、周围设施，转移时需他人在旁监护、提示）'],
        [15, '自理'],
      ),
    },
    {
      code: 'ADL_STAIRS',
      indicator: 'C1',
      name: { zh: '上下楼', en: 'stairs' },
      options: opts(
        [0, '不能，或需极大帮助或完全依赖他人'],
        [5, '需要部分帮助（需扶着楼梯、他人搀扶、使用拐杖或需他人在旁提示）'],
        [10, '独立上下楼（可借助电梯等，如果使用支具，需可独自完成穿、脱动作）'],
      ),
    },
    {
      code: 'ADL_BATHING',
      indicator: 'C1',
      name: { zh: '洗澡', en: 'bathing' },
      options: opts(
        [0, '洗澡过程中需他人帮助'],
        [5, '准备好洗澡水后，可自己独立完成'],
      ),
    },
    // C2 认知能力, 4 items, each 0–4, total 0–16
    {
      code: 'COG_TIME',
      indicator: 'C2',
      name: { zh: '时间定向', en: 'time orientation' },
      options: opts(
        [0, '无时间观念'],
        [1, '时间观念很差，年、月、日不清楚，可知上午、下午或白天、夜间'],
        [2, '时间观念较差，年、月、日不清楚，可知上半年或下半年或季节'],
        [3, '时间观念有些下降，年、月、日（或星期几）不能全部分清（相差两天或以上）'],
        [4, '时间观念（年、月）清楚，日期（或星期几）可相差一天'],
      ),
    },
    {
      code: 'COG_PERSON',
      indicator: 'C2',
      name: { zh: '人物定向', en: 'person orientation' },
      options: opts(
        [0, '不认识任何人（包括自己）'],
        [1, '只认识自己或极少数日常同住的亲人或照护者等'],
        [2, '能认识一半日常同住的亲人或照护者等，能称呼或知道关系等'],
        [3, '能认识大部分共同生活居住的人，能称呼或知道关系'],
        [4, '认识长期共同一起生活的人，能称呼并知道关系'],
      ),
    },
    {
      code: 'COG_PLACE',
      indicator: 'C2',
      name: { zh: '空间定向', en: 'place orientation' },
      options: opts(
        [0, '不能单独外出，无空间观念'],
        [1, '不能单独外出，少量知道自己居住或生活所在地的地址'],
        [2, '不能单独外出，但知道较多有关自己日常生活的地址'],
        [3, '不能单独外出，但能准确知道自己日常生活所在地的地址'],
        [4, '能在日常生活范围内单独外出，如在日常居住小区内独自外出购物等'],
      ),
    },
    {
      code: 'COG_MEMORY',
      indicator: 'C2',
      name: { zh: '记忆力', en: 'memory' },
      options: opts(
        [0, '完全不能回忆即时信息，并且完全不能对既往事物进行正确的回忆'],
        [1, '对既往事物能有少部分正确的回忆，没有近期记忆'],
        [2, '能回忆大部分既往事物，记住1个词语'],
        [3, '能回忆大部分既往事物，记住2个词语'],
        [4, '能够完整回忆既往事物，记住3个词语'],
      ),
    },
    // C3 感知觉与沟通能力, 3 items, each 0–4, total 0–12
    {
      code: 'PC_VISION',
      indicator: 'C3',
      name: { zh: '视力', en: 'vision' },
      options: opts(
        [0, '完全失明'],
        [1, '只能看到光、颜色和形状（大致轮廓），眼睛可随物体移动'],
        [2, '视力有限，看不清报纸大标题，但能辨认较大的物体'],
        [3, '能看清楚大字体，但看不清书报上的标准字体，辨别小物体有一定困难'],
        [4, '与日常生活能力相关的视力（如阅读书报、看电视等）基本正常'],
      ),
    },
    {
      code: 'PC_HEARING',
      indicator: 'C3',
      name: { zh: '听力', en: 'hearing' },
      options: opts(
        [0, '完全失聪'],
        [1, '讲话者大声说话或说话很慢，才能部分听见'],
        [2, '正常交流有些困难，需在安静的环境大声说话才能听到'],
        [3, '在轻声说话或说话距离超过2米时听不清'],
        [4, '与日常生活习惯相关的听力基本正常（如能听到门铃、电视、电话等声音）'],
      ),
    },
    {
      code: 'PC_COMMUNICATION',
      indicator: 'C3',
      name: { zh: '沟通能力', en: 'communication' },
      options: opts(
        [0, '完全不能理解他人的言语，也无法表达'],
        [1, '不能完全理解他人的话，只能以简单的单词或手势表达大概意愿'],
        [2, '勉强可与他人交流，谈吐内容不清楚，需频繁重复或简化口头表达'],
        [3, '能够表达自己的需要或理解他人的话，但需要增加时间或给予帮助'],
        [4, '无困难，能与他人正常沟通和交流'],
      ),
    },
  ],
  gradeBands: {
    C1: [
      { grade: 'INTACT', min: 100, max: 100 },
      { grade: 'MILD', min: 65, max: 95 },
      { grade: 'MODERATE', min: 45, max: 60 },
      { grade: 'SEVERE', min: 0, max: 40 },
    ],
    C2: [
      { grade: 'INTACT', min: 16, max: 16 },
      { grade: 'MILD', min: 4, max: 15 },
      { grade: 'MODERATE', min: 2, max: 3 },
      { grade: 'SEVERE', min: 0, max: 1 },
    ],
    C3: [
      { grade: 'INTACT', min: 12, max: 12 },
      { grade: 'MILD', min: 4, max: 11 },
      { grade: 'MODERATE', min: 2, max: 3 },
      { grade: 'SEVERE', min: 0, max: 1 },
    ],
  },
  gradeNames: {
    INTACT: { zh: '能力完好', en: 'intact' },
    MILD: { zh: '轻度受损', en: 'mildly impaired' },
    MODERATE: { zh: '中度受损', en: 'moderately impaired' },
    SEVERE: { zh: '重度受损', en: 'severely impaired' },
  },
  // Rows: ADL grade. Columns: the worse of the C2 and C3 grades.
  combination: {
    INTACT: { INTACT: 0, MILD: 0, MODERATE: 1, SEVERE: 1 },
    MILD: { INTACT: 1, MILD: 1, MODERATE: 1, SEVERE: 2 },
    MODERATE: { INTACT: 2, MILD: 2, MODERATE: 2, SEVERE: 3 },
    SEVERE: { INTACT: 3, MILD: 3, MODERATE: 4, SEVERE: 5 },
  },
  levelNames: {
    0: { zh: '基本正常', en: 'basically normal' },
    1: { zh: '轻度失能', en: 'mild disability' },
    2: { zh: '中度失能', en: 'moderate disability' },
    3: { zh: '重度失能Ⅰ级', en: 'severe disability, grade I' },
    4: { zh: '重度失能Ⅱ级', en: 'severe disability, grade II' },
    5: { zh: '重度失能Ⅲ级', en: 'severe disability, grade III' },
  },
});
