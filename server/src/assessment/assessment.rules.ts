// Pure rules of the disability assessment: answers (each item's chosen points) in, indicator sums, grades and the
// level out, with a structured explanation. No I/O, no clock, no Node-only imports: the client imports this module
// for live display while the form is filled, and the server uses it to decide. The tables are data in standard.ts;
// every function takes the standard as a parameter (default: the national standard of 2021).

import {
  GRADES,
  INDICATOR_CODES,
  LEVELS,
  NATIONAL_STANDARD_2021,
  type AssessmentStandard,
  type Grade,
  type IndicatorCode,
  type ItemCode,
  type ItemDef,
  type LocalizedName,
  type Level,
} from './standard.ts';

/** A complete answer set: each item's chosen points. */
export type Answers = Readonly<Record<ItemCode, number>>;
/** Answers as they arrive from a form: items may be missing (absent, undefined or null) or hold anything. */
export type AnswerInput = Readonly<Partial<Record<ItemCode, number | null>>>;

export type AnswerErrorReason = 'MISSING' | 'NOT_AN_OPTION';
export interface AnswerError {
  readonly item: ItemCode;
  readonly reason: AnswerErrorReason;
}

/** Which of cognition (C2) and perception and communication (C3) has the worse grade. */
export type WorseOfC2C3 = 'C2' | 'C3' | 'EQUAL';

export interface IndicatorScore {
  readonly sum: number;
  readonly grade: Grade;
}

/** Everything needed to say how the level was reached; render it with `explain`. */
export interface Explanation {
  readonly standardId: string;
  readonly sums: Readonly<Record<IndicatorCode, number>>;
  readonly grades: Readonly<Record<IndicatorCode, Grade>>;
  readonly worseOfC2C3: WorseOfC2C3;
  /** Row of the combination table used: the ADL grade. */
  readonly row: Grade;
  /** Column of the combination table used: the worse of the C2 and C3 grades. */
  readonly column: Grade;
  readonly level: Level;
}

export interface ScoreResult {
  readonly ok: true;
  readonly indicators: Readonly<Record<IndicatorCode, IndicatorScore>>;
  readonly worseOfC2C3: WorseOfC2C3;
  readonly column: Grade;
  readonly level: Level;
  readonly levelName: LocalizedName;
  readonly explanation: Explanation;
}

export interface ScoreFailure {
  readonly ok: false;
  /** In the order of the form. */
  readonly errors: readonly AnswerError[];
}

export interface PartialIndicator {
  /** Sum of the valid answers so far. */
  readonly sum: number;
  readonly answered: number;
  readonly total: number;
  /** The grade, once every item of this indicator has a valid answer; null before. */
  readonly grade: Grade | null;
}

export interface PartialScore {
  readonly indicators: Readonly<Record<IndicatorCode, PartialIndicator>>;
  /** Items with no answer yet, in the order of the form. */
  readonly missing: readonly ItemCode[];
  /** Items whose answer is not one of their options (not counted in the sums). */
  readonly invalid: readonly ItemCode[];
  readonly complete: boolean;
  /** The level only when every item has a valid answer; null otherwise. */
  readonly level: Level | null;
  /** The full result when complete (identical to `scoreAssessment`); null otherwise. */
  readonly result: ScoreResult | null;
}

export const DEFAULT_QUALIFYING_LEVELS: readonly Level[] = Object.freeze([3, 4, 5] as const);

// ---------------------------------------------------------------------------------------------------------------
// Grades and levels

const severity = (g: Grade): number => GRADES.indexOf(g);

/** The worse (more severe) of two grades. */
export function worseGrade(a: Grade, b: Grade): Grade {
  return severity(a) >= severity(b) ? a : b;
}

/** The grade of an indicator's sum. Throws a RangeError for a sum that no band contains (it cannot be reached). */
export function gradeOf(indicator: IndicatorCode, sum: number, standard: AssessmentStandard = NATIONAL_STANDARD_2021): Grade {
  const band = standard.gradeBands[indicator].find((b) => sum >= b.min && sum <= b.max);
  if (!band) throw new RangeError(`${indicator} sum ${sum} is in no grade band of ${standard.id}`);
  return band.grade;
}

/** The level in the combination table: row = ADL grade, column = the worse of the C2 and C3 grades. */
export function levelOf(adlGrade: Grade, otherGrade: Grade, standard: AssessmentStandard = NATIONAL_STANDARD_2021): Level {
  return standard.combination[adlGrade][otherGrade];
}

export function isQualifyingLevel(level: Level, qualifyingLevels: readonly Level[] = DEFAULT_QUALIFYING_LEVELS): boolean {
  return qualifyingLevels.includes(level);
}

/** For review: two assessors' levels differ, so review decides or orders a re-assessment. */
export function levelsDiffer(a: Level, b: Level): boolean {
  return a !== b;
}

export function itemsOf(indicator: IndicatorCode, standard: AssessmentStandard = NATIONAL_STANDARD_2021): readonly ItemDef[] {
  return standard.items.filter((i) => i.indicator === indicator);
}

// ---------------------------------------------------------------------------------------------------------------
// Scoring

type Checked = { kind: 'ok'; points: number } | { kind: 'MISSING' } | { kind: 'NOT_AN_OPTION' };

function check(item: ItemDef, answers: AnswerInput): Checked {
  const value: unknown = Object.hasOwn(answers, item.code) ? answers[item.code] : undefined;
  if (value === undefined || value === null) return { kind: 'MISSING' };
  if (typeof value !== 'number' || !item.options.some((o) => o.points === value)) return { kind: 'NOT_AN_OPTION' };
  return { kind: 'ok', points: value };
}

function combine(sums: Record<IndicatorCode, number>, standard: AssessmentStandard): ScoreResult {
  const grades = {
    C1: gradeOf('C1', sums.C1, standard),
    C2: gradeOf('C2', sums.C2, standard),
    C3: gradeOf('C3', sums.C3, standard),
  };
  const worseOfC2C3: WorseOfC2C3 =
    grades.C2 === grades.C3 ? 'EQUAL' : severity(grades.C2) > severity(grades.C3) ? 'C2' : 'C3';
  const column = worseGrade(grades.C2, grades.C3);
  const level = levelOf(grades.C1, column, standard);
  return {
    ok: true,
    indicators: {
      C1: { sum: sums.C1, grade: grades.C1 },
      C2: { sum: sums.C2, grade: grades.C2 },
      C3: { sum: sums.C3, grade: grades.C3 },
    },
    worseOfC2C3,
    column,
    level,
    levelName: standard.levelNames[level],
    explanation: { standardId: standard.id, sums: { ...sums }, grades, worseOfC2C3, row: grades.C1, column, level },
  };
}

/**
 * Scores a complete assessment. Each item's answer is its chosen points and must be one of that item's options;
 * otherwise the errors name every offending item. Keys that are not items of the standard are ignored
 * (a misspelt key still shows up as its item MISSING).
 */
export function scoreAssessment(
  answers: AnswerInput,
  standard: AssessmentStandard = NATIONAL_STANDARD_2021,
): ScoreResult | ScoreFailure {
  const errors: AnswerError[] = [];
  const sums: Record<IndicatorCode, number> = { C1: 0, C2: 0, C3: 0 };
  for (const item of standard.items) {
    const c = check(item, answers);
    if (c.kind === 'ok') sums[item.indicator] += c.points;
    else errors.push({ item: item.code, reason: c.kind });
  }
  if (errors.length > 0) return { ok: false, errors };
  return combine(sums, standard);
}

/** For live display while the form is filled: sums so far, what is missing, and the level only once complete. */
export function scorePartial(answers: AnswerInput, standard: AssessmentStandard = NATIONAL_STANDARD_2021): PartialScore {
  const missing: ItemCode[] = [];
  const invalid: ItemCode[] = [];
  const acc: Record<IndicatorCode, { sum: number; answered: number; total: number }> = {
    C1: { sum: 0, answered: 0, total: 0 },
    C2: { sum: 0, answered: 0, total: 0 },
    C3: { sum: 0, answered: 0, total: 0 },
  };
  for (const item of standard.items) {
    const a = acc[item.indicator];
    a.total += 1;
    const c = check(item, answers);
    if (c.kind === 'ok') {
      a.sum += c.points;
      a.answered += 1;
    } else if (c.kind === 'MISSING') missing.push(item.code);
    else invalid.push(item.code);
  }
  const indicator = (code: IndicatorCode): PartialIndicator => {
    const a = acc[code];
    return { ...a, grade: a.answered === a.total ? gradeOf(code, a.sum, standard) : null };
  };
  const complete = missing.length === 0 && invalid.length === 0;
  const result = complete ? combine({ C1: acc.C1.sum, C2: acc.C2.sum, C3: acc.C3.sum }, standard) : null;
  return {
    indicators: { C1: indicator('C1'), C2: indicator('C2'), C3: indicator('C3') },
    missing,
    invalid,
    complete,
    level: result ? result.level : null,
    result,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Explanation

/**
 * Renders a result's explanation as one sentence: the three sums and grades, the column chosen (which of C2/C3 was
 * worse), the cell of the combination table and the level. Pass the standard the result was scored with.
 */
export function explain(
  result: { readonly explanation: Explanation },
  lang: 'zh' | 'en',
  standard: AssessmentStandard = NATIONAL_STANDARD_2021,
): string {
  const e = result.explanation;
  if (e.standardId !== standard.id) {
    throw new Error(`explanation was scored with ${e.standardId}, not ${standard.id}`);
  }
  const grade = (g: Grade) => standard.gradeNames[g][lang];
  const ind = (c: IndicatorCode) => standard.indicators[c].name[lang];
  const level = `${e.level} ${standard.levelNames[e.level][lang]}`;
  if (lang === 'zh') {
    const part = (c: IndicatorCode) => `${ind(c)} ${e.sums[c]} 分（${grade(e.grades[c])}）`;
    const worse =
      e.worseOfC2C3 === 'EQUAL'
        ? `认知与感知觉沟通同为“${grade(e.column)}”`
        : `取认知与感知觉沟通中较重的“${grade(e.column)}”（${ind(e.worseOfC2C3)}）`;
    return `${part('C1')}，${part('C2')}，${part('C3')}；${worse}；组合表第“${grade(e.row)}”行、“${grade(e.column)}”列 → ${level}`;
  }
  const points = (n: number) => `${n} ${n === 1 ? 'point' : 'points'}`;
  const part = (c: IndicatorCode) => `${ind(c)} ${points(e.sums[c])} (${grade(e.grades[c])})`;
  const worse =
    e.worseOfC2C3 === 'EQUAL'
      ? `${ind('C2')} and ${ind('C3')} are both “${grade(e.column)}”`
      : `the worse of ${ind('C2')} and ${ind('C3')} is “${grade(e.column)}” (${ind(e.worseOfC2C3)})`;
  const sentence = `${part('C1')}, ${part('C2')}, ${part('C3')}; ${worse}; combination table row “${grade(e.row)}”, column “${grade(e.column)}” → ${level}`;
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

// ---------------------------------------------------------------------------------------------------------------
// Checking a standard (for a pooling area's configuration)

function reachableSums(items: readonly ItemDef[]): number[] {
  let sums = new Set<number>([0]);
  for (const item of items) {
    const next = new Set<number>();
    for (const s of sums) for (const o of item.options) next.add(s + o.points);
    sums = next;
  }
  return [...sums].sort((a, b) => a - b);
}

/**
 * The problems of a standard, empty when sound: unique items with ascending integer options and texts; indicator
 * maxima that match their items; bands that give every reachable sum exactly one grade, better grades for higher
 * sums; a complete combination table that never gives a better level for a worse grade; names for every grade and
 * level. Run it when a pooling area's configuration is loaded.
 */
export function validateStandard(standard: AssessmentStandard): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const item of standard.items) {
    if (seen.has(item.code)) problems.push(`item ${item.code} appears twice`);
    seen.add(item.code);
    if (!INDICATOR_CODES.includes(item.indicator)) problems.push(`item ${item.code} has unknown indicator ${item.indicator}`);
    if (item.options.length < 2) problems.push(`item ${item.code} has fewer than two options`);
    item.options.forEach((o, i) => {
      if (!Number.isInteger(o.points) || o.points < 0) problems.push(`item ${item.code} option ${o.points} is not a whole number ≥ 0`);
      const prev = item.options[i - 1];
      if (prev && prev.points >= o.points) problems.push(`item ${item.code} options are not in ascending order of points`);
      if (o.text.trim() === '') problems.push(`item ${item.code} option ${o.points} has no text`);
    });
  }
  for (const code of INDICATOR_CODES) {
    const items = itemsOf(code, standard);
    if (items.length === 0) {
      problems.push(`indicator ${code} has no items`);
      continue;
    }
    const max = items.reduce((s, i) => s + (i.options.at(-1)?.points ?? 0), 0);
    if (max !== standard.indicators[code].maxPoints) {
      problems.push(`indicator ${code} items add up to ${max}, not ${standard.indicators[code].maxPoints}`);
    }
    const bands = standard.gradeBands[code];
    if (bands.map((b) => b.grade).join() !== GRADES.join()) problems.push(`indicator ${code} bands are not one per grade, best first`);
    bands.forEach((b, i) => {
      const better = bands[i - 1];
      if (b.min > b.max) problems.push(`indicator ${code} band ${b.grade} is empty`);
      if (better && better.min <= b.max) problems.push(`indicator ${code} band ${b.grade} overlaps or is above ${better.grade}`);
    });
    for (const sum of reachableSums(items)) {
      const n = bands.filter((b) => sum >= b.min && sum <= b.max).length;
      if (n !== 1) problems.push(`indicator ${code} sum ${sum} is in ${n} grade bands`);
    }
  }
  for (const row of GRADES) {
    for (const col of GRADES) {
      const level = standard.combination[row]?.[col];
      if (level === undefined || !LEVELS.includes(level)) {
        problems.push(`combination ${row}/${col} is not a level`);
        continue;
      }
      const right = GRADES[severity(col) + 1];
      const down = GRADES[severity(row) + 1];
      const rightLevel = right && standard.combination[row]?.[right];
      const downLevel = down && standard.combination[down]?.[col];
      if (rightLevel !== undefined && rightLevel < level) problems.push(`combination ${row}/${right} is better than ${row}/${col}`);
      if (downLevel !== undefined && downLevel < level) problems.push(`combination ${down}/${col} is better than ${row}/${col}`);
    }
  }
  for (const g of GRADES) if (!standard.gradeNames[g]) problems.push(`grade ${g} has no name`);
  for (const l of LEVELS) if (!standard.levelNames[l]) problems.push(`level ${l} has no name`);
  return problems;
}
