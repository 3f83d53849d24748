// The settlement dashboard as a workbook: one sheet per section of the page (by month, care form, level, agency,
// claim state, deductions), each with the figures the settlementDashboard query answers and a total row. Amounts
// are yuan numbers in the statements' money format, so the cells add up in a spreadsheet. Streamed by ExcelJS.
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { MONEY_FORMAT, REASON_ZH, REVIEW_REASON_ZH, STATE_ZH, yuan } from './billing-statements.ts';

interface Bucket {
  key: string;
  label: string;
  beneficiaries: number;
  visits: number;
  fundFen: number;
  deductedFen: number;
}

/** What BillingService.dashboard answers. */
export interface DashboardFigures {
  poolingArea: string;
  from: string;
  to: string;
  byMonth: { month: string; claims: number; late: number; fundFen: number; approvedFundFen: number; depositFen: number; payableFen: number; paidFen: number }[];
  byState: { state: string; claims: number; late: number }[];
  byForm: Bucket[];
  byLevel: Bucket[];
  byAgency: Bucket[];
  deductions: { reason: string; count: number; amountFen: number }[];
}

/** Claim states in workflow order: every state gets a row, none or not. */
const STATES = ['DRAFT', 'DECLARED', 'UNDER_REVIEW', 'APPROVED', 'PAID'];
const REVIEW = 'REVIEW:';

/** A deduction's kind and reason in words: the audit's (a rule, OVER_PLAN) or the review's (REVIEW:reason). */
function deductionWords(reason: string): { kind: string; label: string } {
  if (reason.startsWith(REVIEW)) {
    const code = reason.slice(REVIEW.length);
    return { kind: '审核扣减', label: REVIEW_REASON_ZH[code] ?? code };
  }
  return { kind: '稽核扣减', label: reason === 'OVER_PLAN' ? REASON_ZH[reason]! : `${reason} ${REASON_ZH[reason] ?? ''}`.trim() };
}

type Column = { header: string; key: string; width: number; money?: boolean };

const sum = <T>(rows: T[], pick: (r: T) => number) => rows.reduce((n, r) => n + pick(r), 0);

/**
 * A sheet: the title row, a blank row, the header (bold, frozen), a row per item and a bold total row. Rows are
 * written as they come (the streaming writer keeps nothing once a row is committed).
 */
function sheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, title: string, columns: Column[], rows: Record<string, unknown>[], total: Record<string, unknown>) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.columns = columns.map((c) => ({ key: c.key, width: c.width, ...(c.money ? { style: { numFmt: MONEY_FORMAT } } : {}) }));
  ws.addRow([title]).font = { bold: true, size: 13 };
  ws.addRow([]);
  const header = ws.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  for (const r of rows) ws.addRow(r).commit();
  const t = ws.addRow(total);
  t.font = { bold: true };
  t.commit();
  ws.commit();
}

const bucketColumns = (first: string, width: number): Column[] => [
  { header: first, key: 'label', width },
  { header: '人数', key: 'beneficiaries', width: 9 },
  { header: '服务次数', key: 'visits', width: 10 },
  { header: '基金支付（审核后）', key: 'fund', width: 18, money: true },
  { header: '稽核扣减', key: 'deducted', width: 14, money: true },
];
const bucketRow = (b: Bucket, label = b.label) => ({ label, beneficiaries: b.beneficiaries, visits: b.visits, fund: yuan(b.fundFen), deducted: yuan(b.deductedFen) });
// People are counted once per care form, level or agency: one person may be in several, so they are not added up.
const bucketTotal = (rows: Bucket[]) => ({ label: `合计（${rows.length} 项）`, visits: sum(rows, (r) => r.visits), fund: yuan(sum(rows, (r) => r.fundFen)), deducted: yuan(sum(rows, (r) => r.deductedFen)) });

export async function writeDashboardXlsx(d: DashboardFigures, out: Writable): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Changhu';
  const range = d.from === d.to ? d.from : `${d.from} 至 ${d.to}`;
  const title = (section: string) => `长期护理保险结算看板 · ${section} · 统筹区 ${d.poolingArea} · ${range} · 金额单位：元`;

  sheet(
    wb,
    '按月',
    title('基金支出按月'),
    [
      { header: '结算月份', key: 'month', width: 10 },
      { header: '结算单数', key: 'claims', width: 10 },
      { header: '逾期申报', key: 'late', width: 10 },
      { header: '基金支付（审核前）', key: 'fund', width: 18, money: true },
      { header: '基金支付（审核后）', key: 'approved', width: 18, money: true },
      { header: '质量保证金', key: 'deposit', width: 14, money: true },
      { header: '应付金额', key: 'payable', width: 16, money: true },
      { header: '已付金额', key: 'paid', width: 16, money: true },
    ],
    d.byMonth.map((m) => ({ month: m.month, claims: m.claims, late: m.late, fund: yuan(m.fundFen), approved: yuan(m.approvedFundFen), deposit: yuan(m.depositFen), payable: yuan(m.payableFen), paid: yuan(m.paidFen) })),
    {
      month: '合计',
      claims: sum(d.byMonth, (m) => m.claims),
      late: sum(d.byMonth, (m) => m.late),
      fund: yuan(sum(d.byMonth, (m) => m.fundFen)),
      approved: yuan(sum(d.byMonth, (m) => m.approvedFundFen)),
      deposit: yuan(sum(d.byMonth, (m) => m.depositFen)),
      payable: yuan(sum(d.byMonth, (m) => m.payableFen)),
      paid: yuan(sum(d.byMonth, (m) => m.paidFen)),
    },
  );
  sheet(wb, '按护理形式', title('基金支出按护理形式'), bucketColumns('护理形式', 16), d.byForm.map((b) => bucketRow(b)), bucketTotal(d.byForm));
  sheet(wb, '按等级', title('基金支出按失能等级'), bucketColumns('失能等级', 10), d.byLevel.map((b) => bucketRow(b)), bucketTotal(d.byLevel));
  sheet(wb, '按机构', title('基金支出按定点机构'), bucketColumns('定点机构', 34), d.byAgency.map((b) => bucketRow(b)), bucketTotal(d.byAgency));

  const states = STATES.map((s) => d.byState.find((x) => x.state === s) ?? { state: s, claims: 0, late: 0 });
  sheet(
    wb,
    '按状态',
    title('结算单按状态'),
    [
      { header: '状态', key: 'state', width: 14 },
      { header: '结算单数', key: 'claims', width: 10 },
      { header: '其中逾期申报', key: 'late', width: 14 },
    ],
    states.map((s) => ({ state: STATE_ZH[s.state] ?? s.state, claims: s.claims, late: s.late })),
    { state: '合计', claims: sum(states, (s) => s.claims), late: sum(states, (s) => s.late) },
  );

  sheet(
    wb,
    '扣减',
    title('扣减按原因'),
    [
      { header: '类别', key: 'kind', width: 10 },
      { header: '原因', key: 'reason', width: 24 },
      { header: '代码', key: 'code', width: 22 },
      // A rule counts the visits it took out; OVER_PLAN the units beyond the plan; the review its deductions.
      { header: '次数', key: 'count', width: 8 },
      { header: '金额', key: 'amount', width: 16, money: true },
    ],
    d.deductions.map((x) => {
      const w = deductionWords(x.reason);
      return { kind: w.kind, reason: w.label, code: x.reason, count: x.count, amount: yuan(x.amountFen) };
    }),
    { kind: '合计', amount: yuan(sum(d.deductions, (x) => x.amountFen)) },
  );
  await wb.commit();
}
