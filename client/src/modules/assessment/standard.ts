// The client's one door to the assessment standard and its scoring rules. They are the server's own modules
// (server/src/assessment, through the `@rules` alias of vite.config.ts and client/tsconfig.json), so the level an
// assessor sees while filling the form is computed by the very code that decides it on submission.
import {
  DEFAULT_QUALIFYING_LEVELS,
  explain,
  itemsOf,
  scoreAssessment,
  scorePartial,
  type AnswerInput,
  type Explanation,
  type PartialScore,
  type ScoreResult,
} from '@rules/assessment.rules.ts';
import {
  INDICATOR_CODES,
  ITEM_CODES,
  LEVELS,
  NATIONAL_STANDARD_2021,
  type Grade,
  type IndicatorCode,
  type ItemCode,
  type ItemDef,
  type Level,
  type LocalizedName,
} from '@rules/standard.ts';

export { DEFAULT_QUALIFYING_LEVELS, explain, itemsOf, scoreAssessment, scorePartial, INDICATOR_CODES, ITEM_CODES, LEVELS };
export type { AnswerInput, Explanation, Grade, IndicatorCode, ItemCode, ItemDef, Level, PartialScore, ScoreResult };

/** The standard in force; a pooling area with its own tables would supply another value here. */
export const STANDARD = NATIONAL_STANDARD_2021;

export type StandardLanguage = 'zh' | 'en';

/** The standard speaks Chinese and English; the UI language picks which. */
export const standardLanguage = (locale: string | null | undefined): StandardLanguage => (locale === 'en' ? 'en' : 'zh');

/**
 * A name from the standard in the UI language. The English names are written in lower case for use inside the
 * explanation's sentence; as labels they start with a capital.
 */
export function nameIn(name: LocalizedName, lang: StandardLanguage): string {
  return lang === 'en' ? name.en.charAt(0).toUpperCase() + name.en.slice(1) : name.zh;
}

export const levelName = (level: number, lang: StandardLanguage): string =>
  isLevel(level) ? nameIn(STANDARD.levelNames[level], lang) : String(level);

export const gradeName = (grade: Grade, lang: StandardLanguage): string => nameIn(STANDARD.gradeNames[grade], lang);

export const indicatorName = (code: IndicatorCode, lang: StandardLanguage): string => nameIn(STANDARD.indicators[code].name, lang);

export function isLevel(n: unknown): n is Level {
  return typeof n === 'number' && (LEVELS as readonly number[]).includes(n);
}

export function isItemCode(s: string): s is ItemCode {
  return (ITEM_CODES as readonly string[]).includes(s);
}

export const itemDef = (code: ItemCode): ItemDef => STANDARD.items.find((i) => i.code === code)!;

/** Answers as the API sends them (any JSON object), kept to the standard's items with numeric points. */
export function cleanAnswers(raw: Record<string, unknown> | null | undefined): Partial<Record<ItemCode, number>> {
  const out: Partial<Record<ItemCode, number>> = {};
  for (const [k, v] of Object.entries(raw ?? {})) if (isItemCode(k) && typeof v === 'number') out[k] = v;
  return out;
}

/** The option text of an answer, exactly as the standard words it; null when the points are not an option. */
export function optionText(code: ItemCode, points: number | undefined): string | null {
  if (points === undefined) return null;
  return itemDef(code).options.find((o) => o.points === points)?.text ?? null;
}

export interface IndicatorResult {
  sum: number;
  grade: Grade;
}

/**
 * A submitted form's sums and grades: the stored result when it has them (what the server decided), else scored
 * again from the answers with the same rules.
 */
export function indicatorResults(result: Record<string, unknown> | null | undefined, answers: Record<string, unknown>): Record<IndicatorCode, IndicatorResult> | null {
  const stored = (result as { indicators?: Record<string, { sum?: unknown; grade?: unknown }> } | null)?.indicators;
  if (stored && INDICATOR_CODES.every((c) => typeof stored[c]?.sum === 'number' && typeof stored[c]?.grade === 'string')) {
    return Object.fromEntries(INDICATOR_CODES.map((c) => [c, { sum: stored[c]!.sum as number, grade: stored[c]!.grade as Grade }])) as Record<
      IndicatorCode,
      IndicatorResult
    >;
  }
  const scored = scoreAssessment(cleanAnswers(answers));
  return scored.ok ? scored.indicators : null;
}
