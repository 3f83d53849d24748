import { describe, expect, it } from 'vitest';
import { weekSchedule, weeklyCounts, type ScheduleLine } from '../../client/src/modules/careplan/schedule.ts';

const line = (over: Partial<ScheduleLine>): ScheduleLine => ({ kind: 'ITEM', code: 'A07', name: '协助进食/水', times: 1, per: 'DAY', days: [], timeOfDay: null, minutes: 20, ...over });

describe('the week of a care plan', () => {
  it('spreads a weekly item evenly over the week when no weekday is chosen', () => {
    expect(weeklyCounts(1, [])).toEqual([1, 0, 0, 0, 0, 0, 0]);
    expect(weeklyCounts(2, [])).toEqual([1, 0, 0, 1, 0, 0, 0]);
    expect(weeklyCounts(3, [])).toEqual([1, 0, 1, 0, 1, 0, 0]);
    expect(weeklyCounts(7, [])).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(weeklyCounts(9, []).reduce((a, b) => a + b)).toBe(9);
  });

  it('puts a weekly item on its chosen weekdays, sharing the times in turn', () => {
    expect(weeklyCounts(2, [2, 5])).toEqual([0, 1, 0, 0, 1, 0, 0]);
    expect(weeklyCounts(3, [7, 1])).toEqual([2, 0, 0, 0, 0, 0, 1]);
    expect(weeklyCounts(1, [3, 6])).toEqual([0, 0, 1, 0, 0, 0, 0]);
  });

  it('lists daily items every day with their time, monthly items apart, devices not at all, and sums the minutes', () => {
    const week = weekSchedule([
      line({ code: 'A15', name: '晨间护理', timeOfDay: '08:00' }),
      line({ code: 'A07', times: 2 }),
      line({ code: 'A05', name: '温水擦浴', per: 'WEEK', times: 2, days: [3, 6], minutes: 30 }),
      line({ code: 'A27', name: '协助室外活动', per: 'MONTH', times: 2, minutes: 30 }),
      line({ kind: 'DEVICE', code: 'BED', name: '护理床', per: 'MONTH', minutes: 0 }),
    ]);
    expect(week.days[0]!.map((v) => v.code)).toEqual(['A15', 'A07']);
    expect(week.days[0]![1]).toMatchObject({ count: 2, minutes: 40 });
    expect(week.days[2]!.map((v) => v.code)).toEqual(['A15', 'A05', 'A07']);
    expect(week.minutesPerDay).toEqual([60, 60, 90, 60, 60, 90, 60]);
    expect(week.monthly.map((l) => l.code)).toEqual(['A27']);
  });

  it('places weekly items without chosen days where the week is lightest', () => {
    const week = weekSchedule([
      line({ code: 'A01', per: 'WEEK', times: 1, minutes: 15 }),
      line({ code: 'A08', per: 'WEEK', times: 1, minutes: 10 }),
      line({ code: 'A10', per: 'WEEK', times: 2, minutes: 15 }),
      line({ code: 'A27', per: 'WEEK', times: 1, minutes: 30, days: [1] }),
    ]);
    const dayOf = (code: string) => week.days.flatMap((d, i) => (d.some((v) => v.code === code) ? [i] : []));
    expect(dayOf('A27')).toEqual([0]);
    expect(dayOf('A10')).toHaveLength(2);
    // No day holds two of the once-a-week items while others stand empty.
    expect(new Set([...dayOf('A01'), ...dayOf('A08'), ...dayOf('A10'), ...dayOf('A27')]).size).toBe(5);
    expect(week.minutesPerDay.reduce((a, b) => a + b)).toBe(15 + 10 + 30 + 30);
  });
});
