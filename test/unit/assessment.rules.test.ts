import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  explain,
  gradeOf,
  isQualifyingLevel,
  itemsOf,
  levelOf,
  levelsDiffer,
  scoreAssessment,
  scorePartial,
  validateStandard,
  type AnswerInput,
  type ScoreResult,
} from '../../server/src/assessment/assessment.rules.ts';
import {
  GRADES,
  INDICATOR_CODES,
  ITEM_CODES,
  NATIONAL_STANDARD_2021 as S,
  type AssessmentStandard,
  type Grade,
  type IndicatorCode,
  type ItemCode,
  type ItemDef,
  type Level,
} from '../../server/src/assessment/standard.ts';

// ---------------------------------------------------------------------------------------------------------------
// Helpers: every result in this file is reached through actual answers.

type Sums = Record<IndicatorCode, number>;

function item(code: ItemCode): ItemDef {
  const found = S.items.find((i) => i.code === code);
  if (!found) throw new Error(`no item ${code}`);
  return found;
}

/** Answers whose indicator sums are exactly `target`: each item takes the largest option that still fits. */
function answersWithSums(target: Sums): Record<ItemCode, number> {
  const out: Partial<Record<ItemCode, number>> = {};
  for (const code of INDICATOR_CODES) {
    let remaining = target[code];
    for (const it of itemsOf(code)) {
      const pick = [...it.options].reverse().find((o) => o.points <= remaining);
      if (!pick) throw new Error(`cannot place ${remaining} in ${it.code}`);
      out[it.code] = pick.points;
      remaining -= pick.points;
    }
    if (remaining !== 0) throw new Error(`${code} sum ${target[code]} is not reachable`);
  }
  return out as Record<ItemCode, number>;
}

function score(answers: AnswerInput): ScoreResult {
  const r = scoreAssessment(answers);
  if (!r.ok) throw new Error(`unexpected errors: ${JSON.stringify(r.errors)}`);
  return r;
}

const ALL_INTACT: Sums = { C1: 100, C2: 16, C3: 12 };
/** A sum inside each grade's band, per indicator. */
const SUM_FOR: Record<IndicatorCode, Record<Grade, number>> = {
  C1: { INTACT: 100, MILD: 80, MODERATE: 50, SEVERE: 20 },
  C2: { INTACT: 16, MILD: 10, MODERATE: 3, SEVERE: 1 },
  C3: { INTACT: 12, MILD: 8, MODERATE: 2, SEVERE: 0 },
};

/** The combination table as the domain file gives it, pinned here independently of standard.ts. */
const EXPECTED_TABLE: Record<Grade, Record<Grade, Level>> = {
  INTACT: { INTACT: 0, MILD: 0, MODERATE: 1, SEVERE: 1 },
  MILD: { INTACT: 1, MILD: 1, MODERATE: 1, SEVERE: 2 },
  MODERATE: { INTACT: 2, MILD: 2, MODERATE: 2, SEVERE: 3 },
  SEVERE: { INTACT: 3, MILD: 3, MODERATE: 4, SEVERE: 5 },
};
const EXPECTED_LEVEL_NAMES = ['基本正常', '轻度失能', '中度失能', '重度失能Ⅰ级', '重度失能Ⅱ级', '重度失能Ⅲ级'];

const cells = GRADES.flatMap((row) => GRADES.map((col) => [row, col, EXPECTED_TABLE[row][col]] as const));

// ---------------------------------------------------------------------------------------------------------------

describe('the standard as data', () => {
  it('has 17 items in the order of the form: 10 ADL, 4 cognition, 3 perception and communication', () => {
    expect(S.items.map((i) => i.code)).toEqual([...ITEM_CODES]);
    expect(itemsOf('C1').map((i) => i.name.zh)).toEqual([
      '进食', '穿衣', '面部与口腔清洁', '大便控制', '小便控制', '用厕', '平地行走', '床椅转移', '上下楼', '洗澡',
    ]);
    expect(itemsOf('C2').map((i) => i.name.zh)).toEqual(['时间定向', '人物定向', '空间定向', '记忆力']);
    expect(itemsOf('C3').map((i) => i.name.zh)).toEqual(['视力', '听力', '沟通能力']);
    expect(INDICATOR_CODES.map((c) => [S.indicators[c].name.zh, S.indicators[c].maxPoints])).toEqual([
      ['日常生活活动能力', 100],
      ['认知能力', 16],
      ['感知觉与沟通能力', 12],
    ]);
  });

  it.each([
    ['ADL_EATING', [0, 5, 10]],
    ['ADL_DRESSING', [0, 5, 10]],
    ['ADL_FACE_MOUTH', [0, 5]],
    ['ADL_BOWEL', [0, 5, 10]],
    ['ADL_BLADDER', [0, 5, 10]],
    ['ADL_TOILET', [0, 5, 10]],
    ['ADL_WALKING', [0, 5, 10, 15]],
    ['ADL_TRANSFER', [0, 5, 10, 15]],
    ['ADL_STAIRS', [0, 5, 10]],
    ['ADL_BATHING', [0, 5]],
    ['COG_TIME', [0, 1, 2, 3, 4]],
    ['COG_PERSON', [0, 1, 2, 3, 4]],
    ['COG_PLACE', [0, 1, 2, 3, 4]],
    ['COG_MEMORY', [0, 1, 2, 3, 4]],
    ['PC_VISION', [0, 1, 2, 3, 4]],
    ['PC_HEARING', [0, 1, 2, 3, 4]],
    ['PC_COMMUNICATION', [0, 1, 2, 3, 4]],
  ] as const)('%s offers the points %j, lowest first', (code, points) => {
    expect(item(code).options.map((o) => o.points)).toEqual(points);
  });

  it('shows the option texts of the form exactly as in the domain file', () => {
    expect(item('ADL_EATING').options).toEqual([
      { points: 0, text: '较大或完全依赖，或有留置营养管' },
      { points: 5, text: '需部分帮助（夹菜、盛饭）' },
      { points: 10, text: '自理（在合理时间内能独立使用餐具进食各种食物，可使用辅助工具独立完成进食，但不包括做饭）' },
    ]);
    expect(item('ADL_BLADDER').options[1]?.text).toBe('偶有失禁（每24h<1次，但每周>1次），或需要他人提示');
    expect(item('ADL_TOILET').options[0]?.text).toBe('需要极大地帮助或完全依赖他人');
    expect(item('ADL_WALKING').options[1]?.text).toBe('在较大程度上依赖他人搀扶（≥2人）或依赖他人帮助使用轮椅等辅助工具才能移动');
    expect(item('ADL_TRANSFER').options[3]?.text).toBe('自理');
    expect(item('ADL_BATHING').options[1]?.text).toBe('准备好洗澡水后，可自己独立完成');
    expect(item('COG_MEMORY').options[2]?.text).toBe('能回忆大部分既往事物，记住1个词语');
    expect(item('PC_HEARING').options[3]?.text).toBe('在轻声说话或说话距离超过2米时听不清');
    expect(item('PC_COMMUNICATION').options[4]?.text).toBe('无困难，能与他人正常沟通和交流');
  });

  it('writes option texts with full-width Chinese punctuation and without the points number', () => {
    for (const it of S.items) {
      for (const o of it.options) {
        expect(o.text, `${it.code} ${o.points}`).not.toMatch(/[(),;:]/);
        expect(o.text, `${it.code} ${o.points}`).not.toMatch(/^\s*\d+\s/);
        expect(o.text.trim()).toBe(o.text);
      }
    }
  });

  it('names the grades and the levels as the standard does', () => {
    expect(GRADES.map((g) => S.gradeNames[g].zh)).toEqual(['能力完好', '轻度受损', '中度受损', '重度受损']);
    expect(([0, 1, 2, 3, 4, 5] as const).map((l) => S.levelNames[l].zh)).toEqual(EXPECTED_LEVEL_NAMES);
    expect(S.levelNames[0].en).toBe('basically normal');
  });

  it('is sound by its own checks and cannot be mutated by a caller', () => {
    expect(validateStandard(S)).toEqual([]);
    expect(Object.isFrozen(S.items[0]?.options)).toBe(true);
    expect(() => {
      (S.combination.SEVERE as Record<Grade, Level>).SEVERE = 0;
    }).toThrow(TypeError);
  });
});

describe('indicator grade thresholds, both sides, through actual answers', () => {
  it.each([
    ['C1', 100, 'INTACT'],
    ['C1', 95, 'MILD'],
    ['C1', 65, 'MILD'],
    ['C1', 60, 'MODERATE'],
    ['C1', 45, 'MODERATE'],
    ['C1', 40, 'SEVERE'],
    ['C1', 0, 'SEVERE'],
    ['C2', 16, 'INTACT'],
    ['C2', 15, 'MILD'],
    ['C2', 4, 'MILD'],
    ['C2', 3, 'MODERATE'],
    ['C2', 2, 'MODERATE'],
    ['C2', 1, 'SEVERE'],
    ['C2', 0, 'SEVERE'],
    ['C3', 12, 'INTACT'],
    ['C3', 11, 'MILD'],
    ['C3', 4, 'MILD'],
    ['C3', 3, 'MODERATE'],
    ['C3', 2, 'MODERATE'],
    ['C3', 1, 'SEVERE'],
    ['C3', 0, 'SEVERE'],
  ] as const)('%s sum %i grades %s', (indicator, sum, grade) => {
    const r = score(answersWithSums({ ...ALL_INTACT, [indicator]: sum }));
    expect(r.indicators[indicator]).toEqual({ sum, grade });
    expect(gradeOf(indicator, sum)).toBe(grade);
  });

  it('refuses a sum that no band contains', () => {
    expect(() => gradeOf('C1', 97)).toThrow(RangeError);
    expect(() => gradeOf('C1', 105)).toThrow(RangeError);
    expect(() => gradeOf('C2', -1)).toThrow(RangeError);
    expect(() => gradeOf('C3', 13)).toThrow(RangeError);
  });
});

describe('combination table: every cell through actual answers', () => {
  it.each(cells)('ADL %s with cognition the worse at %s gives level %i', (row, col, level) => {
    const r = score(answersWithSums({ C1: SUM_FOR.C1[row], C2: SUM_FOR.C2[col], C3: 12 }));
    expect(r.indicators.C1.grade).toBe(row);
    expect(r.column).toBe(col);
    expect(r.worseOfC2C3).toBe(col === 'INTACT' ? 'EQUAL' : 'C2');
    expect(r.level).toBe(level);
    expect(r.levelName.zh).toBe(EXPECTED_LEVEL_NAMES[level]);
    expect(r.explanation).toMatchObject({ row, column: col, level });
    expect(levelOf(row, col)).toBe(level);
  });

  it.each(cells)('ADL %s with perception and communication the worse at %s gives level %i', (row, col, level) => {
    const r = score(answersWithSums({ C1: SUM_FOR.C1[row], C2: 16, C3: SUM_FOR.C3[col] }));
    expect(r.column).toBe(col);
    expect(r.worseOfC2C3).toBe(col === 'INTACT' ? 'EQUAL' : 'C3');
    expect(r.level).toBe(level);
  });

  it('takes the worse of cognition and perception and communication as the column, whichever it is', () => {
    const c2Worse = score(answersWithSums({ C1: 50, C2: 1, C3: 8 }));
    expect([c2Worse.worseOfC2C3, c2Worse.column, c2Worse.level]).toEqual(['C2', 'SEVERE', 3]);
    const c3Worse = score(answersWithSums({ C1: 50, C2: 10, C3: 0 }));
    expect([c3Worse.worseOfC2C3, c3Worse.column, c3Worse.level]).toEqual(['C3', 'SEVERE', 3]);
    const equal = score(answersWithSums({ C1: 20, C2: 3, C3: 2 }));
    expect([equal.worseOfC2C3, equal.column, equal.level]).toEqual(['EQUAL', 'MODERATE', 4]);
  });
});

describe('validation of answers', () => {
  const complete = answersWithSums(ALL_INTACT);

  it('names a missing item', () => {
    const { ADL_EATING: _omitted, ...rest } = complete;
    expect(scoreAssessment(rest)).toEqual({ ok: false, errors: [{ item: 'ADL_EATING', reason: 'MISSING' }] });
    expect(scoreAssessment({ ...complete, COG_MEMORY: null })).toEqual({
      ok: false,
      errors: [{ item: 'COG_MEMORY', reason: 'MISSING' }],
    });
  });

  it.each([
    ['ADL_EATING', 7],
    ['ADL_FACE_MOUTH', 3],
    ['ADL_FACE_MOUTH', 10],
    ['ADL_BATHING', 10],
    ['ADL_WALKING', 20],
    ['COG_TIME', 5],
    ['PC_VISION', -1],
    ['PC_HEARING', 2.5],
    ['PC_COMMUNICATION', Number.NaN],
  ] as const)('refuses %s = %s, which is not one of its options', (code, points) => {
    expect(scoreAssessment({ ...complete, [code]: points })).toEqual({
      ok: false,
      errors: [{ item: code, reason: 'NOT_AN_OPTION' }],
    });
  });

  it('refuses an answer that is not a number', () => {
    const answers = { ...complete, ADL_STAIRS: '5' } as unknown as AnswerInput;
    expect(scoreAssessment(answers)).toEqual({ ok: false, errors: [{ item: 'ADL_STAIRS', reason: 'NOT_AN_OPTION' }] });
  });

  it('names every offending item, in the order of the form', () => {
    const { PC_VISION: _omitted, ...rest } = complete;
    expect(scoreAssessment({ ...rest, ADL_EATING: 7, COG_PLACE: 9 })).toEqual({
      ok: false,
      errors: [
        { item: 'ADL_EATING', reason: 'NOT_AN_OPTION' },
        { item: 'COG_PLACE', reason: 'NOT_AN_OPTION' },
        { item: 'PC_VISION', reason: 'MISSING' },
      ],
    });
    const empty = scoreAssessment({});
    expect(empty.ok ? [] : empty.errors.map((e) => e.item)).toEqual([...ITEM_CODES]);
  });

  it('ignores keys that are not items, and does not read inherited properties', () => {
    const withExtra = { ...complete, NOT_AN_ITEM: 3 } as AnswerInput;
    expect(score(withExtra).level).toBe(0);
    const inherited = Object.create(complete) as AnswerInput;
    const r = scoreAssessment(inherited);
    expect(r.ok ? 0 : r.errors.length).toBe(17);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties

const answersArb: fc.Arbitrary<Record<ItemCode, number>> = fc.record(
  Object.fromEntries(S.items.map((i) => [i.code, fc.constantFrom(...i.options.map((o) => o.points))])) as Record<
    ItemCode,
    fc.Arbitrary<number>
  >,
);

const sumsOf = (answers: Record<ItemCode, number>): Sums => {
  const sums: Sums = { C1: 0, C2: 0, C3: 0 };
  for (const i of S.items) sums[i.indicator] += answers[i.code];
  return sums;
};

describe('properties over every complete valid answer set', () => {
  it('making any one item worse never gives a better level', () => {
    fc.assert(
      fc.property(answersArb, fc.constantFrom(...ITEM_CODES), fc.nat(), (answers, code, pick) => {
        const lower = item(code).options.filter((o) => o.points < answers[code]);
        fc.pre(lower.length > 0);
        const worse = { ...answers, [code]: lower[pick % lower.length]?.points };
        expect(score(worse).level).toBeGreaterThanOrEqual(score(answers).level);
      }),
      { numRuns: 2000 },
    );
  });

  it('always gives a level 0–5 named by the standard, from the table cell of its grades', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const r = score(answers);
        expect([0, 1, 2, 3, 4, 5]).toContain(r.level);
        expect(r.levelName).toEqual(S.levelNames[r.level]);
        expect(r.level).toBe(EXPECTED_TABLE[r.indicators.C1.grade][r.column]);
      }),
      { numRuns: 1000 },
    );
  });

  it('explains with the three sums, in the data and in both languages', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const r = score(answers);
        const sums = sumsOf(answers);
        expect(r.explanation.sums).toEqual(sums);
        expect(r.explanation.grades).toEqual({
          C1: r.indicators.C1.grade,
          C2: r.indicators.C2.grade,
          C3: r.indicators.C3.grade,
        });
        const zh = explain(r, 'zh');
        expect(zh).toContain(`日常生活活动能力 ${sums.C1} 分`);
        expect(zh).toContain(`认知能力 ${sums.C2} 分`);
        expect(zh).toContain(`感知觉与沟通能力 ${sums.C3} 分`);
        expect(zh).toMatch(new RegExp(`→ ${r.level} ${S.levelNames[r.level].zh}$`));
        const en = explain(r, 'en');
        expect(en).toMatch(new RegExp(`^Activities of daily living ${sums.C1} points? `));
        expect(en).toMatch(new RegExp(`cognition ${sums.C2} points? `));
        expect(en).toMatch(new RegExp(`perception and communication ${sums.C3} points? `));
      }),
      { numRuns: 500 },
    );
  });

  it('scorePartial gives no level until complete, and the same result as scoreAssessment once complete', () => {
    fc.assert(
      fc.property(answersArb, fc.subarray([...ITEM_CODES]), (answers, removed) => {
        const partial: Partial<Record<ItemCode, number>> = { ...answers };
        for (const code of removed) delete partial[code];
        const p = scorePartial(partial);
        expect(p.missing).toEqual(ITEM_CODES.filter((c) => removed.includes(c)));
        expect(p.invalid).toEqual([]);
        const kept = S.items.filter((i) => !removed.includes(i.code));
        for (const ind of INDICATOR_CODES) {
          const items = kept.filter((i) => i.indicator === ind);
          expect(p.indicators[ind].sum).toBe(items.reduce((s, i) => s + answers[i.code], 0));
          expect(p.indicators[ind].answered).toBe(items.length);
        }
        if (removed.length > 0) {
          expect(p.complete).toBe(false);
          expect(p.level).toBeNull();
          expect(p.result).toBeNull();
        } else {
          expect(p.complete).toBe(true);
          expect(p.result).toEqual(scoreAssessment(answers));
          expect(p.level).toBe(score(answers).level);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('scorePartial while the form is being filled', () => {
  it('starts with every item missing, zero sums and no grade or level', () => {
    const p = scorePartial({});
    expect(p.missing).toEqual([...ITEM_CODES]);
    expect(p.indicators).toEqual({
      C1: { sum: 0, answered: 0, total: 10, grade: null },
      C2: { sum: 0, answered: 0, total: 4, grade: null },
      C3: { sum: 0, answered: 0, total: 3, grade: null },
    });
    expect(p.level).toBeNull();
  });

  it('grades an indicator as soon as its own items are all answered, before the level is known', () => {
    const all = answersWithSums({ C1: 45, C2: 16, C3: 12 });
    const adlOnly = Object.fromEntries(itemsOf('C1').map((i) => [i.code, all[i.code]]));
    const p = scorePartial(adlOnly);
    expect(p.indicators.C1).toEqual({ sum: 45, answered: 10, total: 10, grade: 'MODERATE' });
    expect(p.indicators.C2.grade).toBeNull();
    expect(p.missing).toEqual(['COG_TIME', 'COG_PERSON', 'COG_PLACE', 'COG_MEMORY', 'PC_VISION', 'PC_HEARING', 'PC_COMMUNICATION']);
    expect(p.level).toBeNull();
  });

  it('sets aside an answer that is not an option and withholds the level', () => {
    const p = scorePartial({ ...answersWithSums(ALL_INTACT), ADL_EATING: 7 });
    expect(p.invalid).toEqual(['ADL_EATING']);
    expect(p.missing).toEqual([]);
    expect(p.indicators.C1).toEqual({ sum: 90, answered: 9, total: 10, grade: null });
    expect(p.complete).toBe(false);
    expect(p.level).toBeNull();
  });
});

describe('explain', () => {
  it('renders the example in Chinese', () => {
    const r = score(answersWithSums({ C1: 45, C2: 3, C3: 12 }));
    expect(explain(r, 'zh')).toBe(
      '日常生活活动能力 45 分（中度受损），认知能力 3 分（中度受损），感知觉与沟通能力 12 分（能力完好）；' +
        '取认知与感知觉沟通中较重的“中度受损”（认知能力）；组合表第“中度受损”行、“中度受损”列 → 2 中度失能',
    );
  });

  it('renders the same in English', () => {
    const r = score(answersWithSums({ C1: 45, C2: 3, C3: 12 }));
    expect(explain(r, 'en')).toBe(
      'Activities of daily living 45 points (moderately impaired), cognition 3 points (moderately impaired), ' +
        'perception and communication 12 points (intact); the worse of cognition and perception and communication is ' +
        '“moderately impaired” (cognition); combination table row “moderately impaired”, column “moderately impaired” → 2 moderate disability',
    );
  });

  it('says when perception and communication is the worse, and when both are the same', () => {
    const c3 = score(answersWithSums({ C1: 0, C2: 16, C3: 1 }));
    expect(explain(c3, 'zh')).toBe(
      '日常生活活动能力 0 分（重度受损），认知能力 16 分（能力完好），感知觉与沟通能力 1 分（重度受损）；' +
        '取认知与感知觉沟通中较重的“重度受损”（感知觉与沟通能力）；组合表第“重度受损”行、“重度受损”列 → 5 重度失能Ⅲ级',
    );
    expect(explain(c3, 'en')).toContain('perception and communication 1 point (severely impaired)');
    const equal = score(answersWithSums(ALL_INTACT));
    expect(explain(equal, 'zh')).toBe(
      '日常生活活动能力 100 分（能力完好），认知能力 16 分（能力完好），感知觉与沟通能力 12 分（能力完好）；' +
        '认知与感知觉沟通同为“能力完好”；组合表第“能力完好”行、“能力完好”列 → 0 基本正常',
    );
    expect(explain(equal, 'en')).toContain('; cognition and perception and communication are both “intact”; ');
  });

  it('renders a stored explanation, but refuses a standard other than the one it was scored with', () => {
    const r = score(answersWithSums({ C1: 45, C2: 3, C3: 12 }));
    const stored = JSON.parse(JSON.stringify({ explanation: r.explanation })) as { explanation: ScoreResult['explanation'] };
    expect(explain(stored, 'zh')).toBe(explain(r, 'zh'));
    expect(() => explain(r, 'zh', { ...S, id: 'OTHER' })).toThrow(/CN-LTCI-2021/);
  });
});

describe('a pooling area’s own standard', () => {
  const area: AssessmentStandard = {
    ...S,
    id: 'AREA-TEST',
    combination: { ...S.combination, MILD: { ...S.combination.MILD, SEVERE: 3 } },
  };

  it('is used by every rule when passed in', () => {
    const answers = answersWithSums({ C1: 80, C2: 1, C3: 12 });
    expect(score(answers).level).toBe(2);
    const r = scoreAssessment(answers, area);
    expect(r.ok && r.level).toBe(3);
    expect(r.ok && explain(r, 'zh', area)).toMatch(/→ 3 重度失能Ⅰ级$/);
    expect(scorePartial(answers, area).level).toBe(3);
    expect(levelOf('MILD', 'SEVERE', area)).toBe(3);
    expect(validateStandard(area)).toEqual([]);
  });

  it('is checked for gaps in the bands, wrong maxima and a table that rewards a worse grade', () => {
    const gap: AssessmentStandard = {
      ...S,
      gradeBands: {
        ...S.gradeBands,
        C2: [
          { grade: 'INTACT', min: 16, max: 16 },
          { grade: 'MILD', min: 5, max: 15 },
          { grade: 'MODERATE', min: 2, max: 3 },
          { grade: 'SEVERE', min: 0, max: 1 },
        ],
      },
    };
    expect(validateStandard(gap)).toEqual(['indicator C2 sum 4 is in 0 grade bands']);
    const perverse: AssessmentStandard = {
      ...S,
      combination: { ...S.combination, SEVERE: { ...S.combination.SEVERE, SEVERE: 2 } },
    };
    expect(validateStandard(perverse)).toEqual([
      'combination SEVERE/SEVERE is better than MODERATE/SEVERE',
      'combination SEVERE/SEVERE is better than SEVERE/MODERATE',
    ]);
    const wrongMax: AssessmentStandard = { ...S, indicators: { ...S.indicators, C3: { ...S.indicators.C3, maxPoints: 15 } } };
    expect(validateStandard(wrongMax)).toEqual(['indicator C3 items add up to 12, not 15']);
  });
});

describe('qualifying levels and review', () => {
  it.each([
    [0, false],
    [1, false],
    [2, false],
    [3, true],
    [4, true],
    [5, true],
  ] as const)('level %i qualifies by default: %s', (level, expected) => {
    expect(isQualifyingLevel(level)).toBe(expected);
  });

  it('follows a pooling area’s own qualifying levels', () => {
    expect(isQualifyingLevel(2, [2, 3, 4, 5])).toBe(true);
    expect(isQualifyingLevel(3, [4, 5])).toBe(false);
  });

  it('flags two assessors’ levels for review only when they differ', () => {
    expect(levelsDiffer(3, 3)).toBe(false);
    expect(levelsDiffer(2, 3)).toBe(true);
    expect(levelsDiffer(5, 0)).toBe(true);
  });
});
