// Statements of monthly settlement, streamed to the response as they are written (nothing of a claim is held in
// memory whole): a claim's XLSX (a row per line, its visits on a second sheet) and its PDF statement (totals by
// care form, adjustments, signature fields; Noto Sans SC embedded so Chinese renders); for fund officers the
// month's payment list of the area (XLSX) and its summary (PDF). XLSX by ExcelJS's streaming writer, PDF by pdfkit.
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ClaimRow } from './billing.service.ts';
import { dueDates, type Deduction } from './billing.rules.ts';
import { maskIdNumber } from '../shared/masking.ts';
import { localDate } from '../shared/clock.ts';
import { newPdf } from '../shared/pdf.ts';
import { CARE_FORM_ZH } from '../providers/catalogue.ts';

const FORM_ZH: Record<string, string> = CARE_FORM_ZH;
export const STATE_ZH: Record<string, string> = { DRAFT: '草稿', DECLARED: '已申报', UNDER_REVIEW: '审核中', APPROVED: '已审核通过', PAID: '已支付' };
export const ADJUSTMENT_ZH: Record<string, string> = { RECOVERY: '违规追回', DEPOSIT_RELEASE: '质量保证金返还', CARRIED: '上期结转' };
/** What the audit deducted for: a rule's findings, or units beyond the plan (OVER_PLAN). */
export const REASON_ZH: Record<string, string> = {
  OVER_PLAN: '超出计划频次',
  R01: '服务时间重叠',
  R02: '住院期间服务',
  R03: '死亡后服务',
  R04: '位置异常',
  R05: '服务时长不足',
  R07: '无参保人确认',
  R08: '护理员当日超量',
  R09: '行程不合理',
  R10: '补录超时',
};

/** A review deduction's reason (审核扣减), as the fund officer chose it. */
export const REVIEW_REASON_ZH: Record<string, string> = {
  NOT_PROVIDED: '未实际提供服务',
  RECORD_DEFECT: '服务记录不规范',
  OVER_PLAN: '超出护理计划',
  DUPLICATE: '重复申报',
  PRICE: '价格不符',
  OTHER: '其他',
};

/** Fen as the yuan number a cell holds (shown with MONEY_FORMAT). */
export const yuan = (fen: number) => fen / 100;
const yuanText = (fen: number) => `${fen < 0 ? '-' : ''}${(Math.abs(fen) / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
export const MONEY_FORMAT = '#,##0.00;-#,##0.00';
const shanghai = (iso: Date | string) =>
  new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

const sql = <T>(em: EntityManager, q: string, params: unknown[] = []) => em.getConnection().execute<T[]>(q, params);

/** Lines of a claim in position order, a page at a time. */
async function* linePages(em: EntityManager, claimId: string, size = 500) {
  for (let after = 0; ; ) {
    const rows = await sql<{
      id: string;
      position: number;
      kind: string;
      person_name: string | null;
      id_number: string | null;
      care_form: string | null;
      level: number | null;
      covered_days: number;
      billable_days: number | null;
      visits: number;
      gross_fen: number;
      cap_fen: number;
      eligible_fen: number;
      excess_fen: number;
      fund_fen: number;
      copay_fen: number;
      deducted_fen: number;
      review_deducted_fen: number;
      deductions: Deduction[];
      adjustment_reason: string | null;
      source_id: string | null;
    }>(
      em,
      `select l.id, l.position, l.kind, p.name as person_name, p.id_number, l.care_form, l.level, l.covered_days, l.billable_days, cardinality(l.visit_ids) as visits,
              l.gross_fen::float8 as gross_fen, l.cap_fen::float8 as cap_fen, l.eligible_fen::float8 as eligible_fen, l.excess_fen::float8 as excess_fen,
              l.fund_fen::float8 as fund_fen, l.copay_fen::float8 as copay_fen, l.deducted_fen::float8 as deducted_fen, l.review_deducted_fen::float8 as review_deducted_fen,
              l.deductions, l.adjustment_reason, l.source_id
         from claim_line l left join insured_person p on p.id = l.person_id
        where l.claim_id = ? and l.position > ? order by l.position limit ?`,
      [claimId, after, size],
    );
    if (!rows.length) return;
    yield rows;
    after = rows[rows.length - 1]!.position;
  }
}

/** A claim's XLSX: the lines (with a total row) and, on a second sheet, every visit of its HOME lines. */
export async function writeClaimXlsx(em: EntityManager, c: ClaimRow, out: Writable): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Changhu';
  const lines = wb.addWorksheet('结算明细', { views: [{ state: 'frozen', ySplit: 4 }] });
  lines.columns = [
    { key: 'position', width: 6 },
    { key: 'person', width: 12 },
    { key: 'idNumber', width: 21 },
    { key: 'form', width: 14 },
    { key: 'level', width: 6 },
    { key: 'covered', width: 8 },
    { key: 'billable', width: 8 },
    { key: 'visits', width: 8 },
    { key: 'gross', width: 13, style: { numFmt: MONEY_FORMAT } },
    { key: 'cap', width: 13, style: { numFmt: MONEY_FORMAT } },
    { key: 'eligible', width: 13, style: { numFmt: MONEY_FORMAT } },
    { key: 'excess', width: 13, style: { numFmt: MONEY_FORMAT } },
    { key: 'fund', width: 13, style: { numFmt: MONEY_FORMAT } },
    { key: 'copay', width: 13, style: { numFmt: MONEY_FORMAT } },
    { key: 'deducted', width: 13, style: { numFmt: MONEY_FORMAT } },
    { key: 'reviewDeducted', width: 13, style: { numFmt: MONEY_FORMAT } },
    { key: 'note', width: 40 },
  ];
  lines.addRow([`长期护理保险月度结算明细 · ${c.agency_name} · ${c.month}`]).font = { bold: true, size: 13 };
  lines.addRow([`结算单 ${c.id} · 状态 ${STATE_ZH[c.state] ?? c.state}${c.late ? '（逾期申报）' : ''} · 金额单位：元`]);
  lines.addRow([]);
  const header = lines.addRow(['序号', '参保人', '身份证号', '护理形式', '等级', '覆盖天数', '计费天数', '服务次数', '总费用', '限额', '符合规定费用', '超限自付', '基金支付', '个人自付', '审核核减', '复核扣减', '说明']);
  header.font = { bold: true };
  header.commit();
  for await (const page of linePages(em, c.id)) {
    for (const l of page) {
      const note =
        l.kind === 'ADJUSTMENT'
          ? `${ADJUSTMENT_ZH[l.adjustment_reason!] ?? l.adjustment_reason}（${l.source_id}）`
          : l.deductions.map((d) => `${REASON_ZH[d.reason] ?? d.reason} ${d.count}${d.reason === 'OVER_PLAN' ? '次项目' : '次服务'} ${yuanText(d.amountFen)}`).join('；');
      lines
        .addRow({
          position: l.position,
          person: l.person_name ?? '',
          idNumber: l.id_number ? maskIdNumber(l.id_number) : '',
          form: l.kind === 'ADJUSTMENT' ? '调整' : (FORM_ZH[l.care_form!] ?? l.care_form),
          level: l.level ?? '',
          covered: l.kind === 'CARE' ? l.covered_days : '',
          billable: l.billable_days ?? '',
          visits: l.kind === 'CARE' ? l.visits : '',
          gross: yuan(l.gross_fen),
          cap: yuan(l.cap_fen),
          eligible: yuan(l.eligible_fen),
          excess: yuan(l.excess_fen),
          fund: yuan(l.fund_fen),
          copay: yuan(l.copay_fen),
          deducted: yuan(l.deducted_fen),
          reviewDeducted: yuan(l.review_deducted_fen),
          note,
        })
        .commit();
    }
  }
  const totals: [string, number][] = [
    ['总费用', c.gross_fen],
    ['符合规定费用', c.eligible_fen],
    ['超限自付', c.excess_fen],
    ['基金支付（审核前）', c.fund_fen],
    ['复核扣减', c.review_deducted_fen],
    ['基金支付（审核后）', c.approved_fund_fen],
    ['质量保证金（5%）', c.deposit_fen],
    ['调整', c.adjustment_fen],
    ['应付金额', c.payable_fen],
  ];
  lines.addRow([]).commit();
  for (const [label, fen] of totals) {
    const r = lines.addRow({ note: label, fund: yuan(fen) });
    r.font = { bold: label === '应付金额' };
    r.commit();
  }
  lines.commit();

  const visits = wb.addWorksheet('服务记录', { views: [{ state: 'frozen', ySplit: 1 }] });
  visits.columns = [
    { header: '序号', key: 'position', width: 6 },
    { header: '参保人', key: 'person', width: 12 },
    { header: '服务记录编号', key: 'id', width: 38 },
    { header: '签到时间', key: 'in', width: 18 },
    { header: '签退时间', key: 'out', width: 18 },
    { header: '护理员', key: 'caregiver', width: 10 },
    { header: '服务项目', key: 'items', width: 30 },
    { header: '计入金额', key: 'counted', width: 12, style: { numFmt: MONEY_FORMAT } },
    { header: '审核结果', key: 'findings', width: 40 },
  ];
  visits.getRow(1).font = { bold: true };
  const first = `${c.month}-01`;
  for (let after = 0; ; ) {
    // A page of lines' visits at a time, by the lines' positions (each visit read in its own month's partition).
    const rows = await sql<{ position: number; person: string; id: string; check_in_at: string; check_out_at: string | null; caregiver: string; items: { code: string; quantity: number }[]; fen: number; findings: string | null }>(
      em,
      `select l.position, p.name as person, v.id, v.check_in_at, v.check_out_at, cg.name as caregiver, v.items, x.fen,
              (select string_agg(f.rule || ' ' || f.summary || '（' || f.status || '）', '；' order by f.rule) from visit_finding f where f.visit_id = v.id) as findings
         from (select * from claim_line where claim_id = ? and kind = 'CARE' and cardinality(visit_ids) > 0 and position > ? order by position limit 200) l
         cross join lateral unnest(l.visit_ids, l.visit_fen) with ordinality as x(id, fen, n)
         join visit v on v.id = x.id and v.check_in_at >= (?::date::timestamp at time zone 'Asia/Shanghai') - interval '1 day'
                     and v.check_in_at < ((?::date + interval '1 month')::timestamp at time zone 'Asia/Shanghai')
         join insured_person p on p.id = l.person_id
         left join caregiver cg on cg.id = v.caregiver_id
        order by l.position, x.n`,
      [c.id, after, first, first],
    );
    if (!rows.length) break;
    for (const v of rows) {
      visits
        .addRow({
          position: v.position,
          person: v.person,
          id: v.id,
          in: shanghai(v.check_in_at),
          out: v.check_out_at ? shanghai(v.check_out_at) : '',
          caregiver: v.caregiver ?? '',
          items: v.items.map((i) => `${i.code}×${i.quantity}`).join(' '),
          counted: yuan(v.fen),
          findings: v.findings ?? '',
        })
        .commit();
    }
    after = rows[rows.length - 1]!.position;
  }
  visits.commit();
  await wb.commit();
}

export interface PaymentRow {
  agency_name: string;
  credit_code: string;
  state: string;
  late: boolean;
  declared_at: string | null;
  lines: number;
  visits: number;
  fund_fen: number;
  review_deducted_fen: number;
  approved_fund_fen: number;
  deposit_fen: number;
  adjustment_fen: number;
  payable_fen: number;
  paid_amount_fen: number | null;
  paid_on: string | null;
  payment_reference: string | null;
}

/** The month's claims of an area, for the payment list and the summary. */
export async function paymentRows(em: EntityManager, area: string, month: string): Promise<PaymentRow[]> {
  return sql<PaymentRow>(
    em,
    `select a.name as agency_name, a.credit_code, c.state, c.late, c.declared_at, c.lines, c.visits, c.fund_fen::float8 as fund_fen, c.review_deducted_fen::float8 as review_deducted_fen,
            c.approved_fund_fen::float8 as approved_fund_fen, c.deposit_fen::float8 as deposit_fen, c.adjustment_fen::float8 as adjustment_fen, c.payable_fen::float8 as payable_fen,
            c.paid_amount_fen::float8 as paid_amount_fen, to_char(c.paid_on, 'YYYY-MM-DD') as paid_on, c.payment_reference
       from claim c join agency a on a.id = c.agency_id where c.pooling_area = ? and c.month = ?::date order by a.name, c.id`,
    [area, `${month}-01`],
  );
}

/** The area's payment list for a month: a row per agency's claim, with a total row. */
export async function writePaymentXlsx(rows: PaymentRow[], area: string, month: string, out: Writable): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Changhu';
  const ws = wb.addWorksheet('支付清单', { views: [{ state: 'frozen', ySplit: 3 }] });
  const money = { numFmt: MONEY_FORMAT };
  ws.columns = [
    { key: 'agency', width: 32 },
    { key: 'credit', width: 22 },
    { key: 'state', width: 12 },
    { key: 'late', width: 8 },
    { key: 'visits', width: 9 },
    { key: 'fund', width: 14, style: money },
    { key: 'review', width: 12, style: money },
    { key: 'approved', width: 14, style: money },
    { key: 'deposit', width: 12, style: money },
    { key: 'adjustment', width: 12, style: money },
    { key: 'payable', width: 14, style: money },
    { key: 'paid', width: 14, style: money },
    { key: 'paidOn', width: 12 },
    { key: 'reference', width: 20 },
  ];
  const { payBy } = dueDates(month);
  ws.addRow([`长期护理保险定点机构月度支付清单 · 统筹区 ${area} · ${month} · 支付截止 ${payBy} · 金额单位：元`]).font = { bold: true, size: 13 };
  ws.addRow([]);
  const header = ws.addRow(['定点机构', '统一社会信用代码', '状态', '逾期申报', '服务次数', '基金支付（审核前）', '复核扣减', '基金支付（审核后）', '质量保证金', '调整', '应付金额', '已付金额', '支付日期', '支付凭证号']);
  header.font = { bold: true };
  header.commit();
  const sum = (k: keyof PaymentRow) => rows.reduce((n, r) => n + Number(r[k] ?? 0), 0);
  for (const r of rows) {
    ws.addRow({
      agency: r.agency_name,
      credit: r.credit_code,
      state: STATE_ZH[r.state] ?? r.state,
      late: r.late ? '是' : '',
      visits: r.visits,
      fund: yuan(r.fund_fen),
      review: yuan(r.review_deducted_fen),
      approved: yuan(r.approved_fund_fen),
      deposit: yuan(r.deposit_fen),
      adjustment: yuan(r.adjustment_fen),
      payable: yuan(r.payable_fen),
      paid: r.paid_amount_fen === null ? null : yuan(r.paid_amount_fen),
      paidOn: r.paid_on ?? '',
      reference: r.payment_reference ?? '',
    }).commit();
  }
  const total = ws.addRow({
    agency: `合计（${rows.length} 家）`,
    visits: sum('visits'),
    fund: yuan(sum('fund_fen')),
    review: yuan(sum('review_deducted_fen')),
    approved: yuan(sum('approved_fund_fen')),
    deposit: yuan(sum('deposit_fen')),
    adjustment: yuan(sum('adjustment_fen')),
    payable: yuan(sum('payable_fen')),
    paid: yuan(sum('paid_amount_fen')),
  });
  total.font = { bold: true };
  total.commit();
  ws.commit();
  await wb.commit();
}

// ---- PDF -------------------------------------------------------------------------------------------

function pdfDocument(title: string, author: string, out: Writable): PDFKit.PDFDocument {
  const doc = newPdf({ margin: 44, title, author, bufferPages: true });
  doc.pipe(out);
  return doc;
}

/** A table row of label/amount cells; amounts right-aligned. */
function table(doc: PDFKit.PDFDocument, columns: { title: string; width: number; align?: 'left' | 'right' }[], rows: string[][], opts: { bold?: (i: number) => boolean } = {}) {
  const left = doc.page.margins.left;
  const rowHeight = 18;
  const draw = (cells: string[], bold: boolean, shaded: boolean) => {
    if (doc.y + rowHeight > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    let x = left;
    if (shaded) doc.rect(left, y, columns.reduce((n, c) => n + c.width, 0), rowHeight).fillColor('#eef2f6').fill();
    doc.fillColor('#000').font(bold ? 'bold' : 'regular').fontSize(9);
    cells.forEach((cell, i) => {
      const c = columns[i]!;
      doc.text(cell, x + 4, y + 5, { width: c.width - 8, align: c.align ?? 'left', lineBreak: false, ellipsis: true });
      x += c.width;
    });
    doc.moveTo(left, y + rowHeight).lineTo(x, y + rowHeight).strokeColor('#c8ced6').lineWidth(0.5).stroke();
    doc.x = left;
    doc.y = y + rowHeight;
  };
  draw(columns.map((c) => c.title), true, true);
  rows.forEach((r, i) => draw(r, opts.bold?.(i) ?? false, false));
}

function signatures(doc: PDFKit.PDFDocument, labels: string[]) {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  if (doc.y + 90 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.moveDown(2);
  const y = doc.y;
  const w = width / labels.length;
  labels.forEach((label, i) => {
    const x = left + i * w;
    doc.font('regular').fontSize(10).text(label, x, y, { width: w - 12 });
    doc.moveTo(x, y + 44).lineTo(x + w - 16, y + 44).strokeColor('#000').lineWidth(0.6).stroke();
    doc.fontSize(8).fillColor('#555').text('签字（盖章）　　年　　月　　日', x, y + 50, { width: w - 12 });
    doc.fillColor('#000');
  });
  doc.x = left;
}

function footer(doc: PDFKit.PDFDocument, text: string) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(8).fillColor('#666').text(`${text} · 第 ${i + 1} / ${range.count} 页`, doc.page.margins.left, doc.page.height - 30, { align: 'center', width: doc.page.width - doc.page.margins.left - doc.page.margins.right });
    doc.page.margins.bottom = bottom;
  }
}

/** A claim's printed statement: facts, totals by care form, the claim's totals, adjustments, signature fields. */
export async function writeClaimPdf(em: EntityManager, c: ClaimRow, out: Writable): Promise<void> {
  const byForm = await sql<{ form: string; lines: number; visits: number; gross: number; eligible: number; excess: number; fund: number; copay: number; deducted: number; review: number }>(
    em,
    `select coalesce(care_form, 'ADJUSTMENT') as form, count(*)::int as lines, coalesce(sum(cardinality(visit_ids)), 0)::int as visits, sum(gross_fen)::float8 as gross,
            sum(eligible_fen)::float8 as eligible, sum(excess_fen)::float8 as excess, sum(fund_fen)::float8 as fund, sum(copay_fen)::float8 as copay,
            sum(deducted_fen)::float8 as deducted, sum(review_deducted_fen)::float8 as review
       from claim_line where claim_id = ? and kind = 'CARE' group by 1
      order by min(array_position(array['HOME', 'INSTITUTION', 'HOSPITAL', 'FAMILY', 'DEVICE'], care_form::text))`,
    [c.id],
  );
  const adjustments = await sql<{ reason: string; source_id: string; fund_fen: number }>(em, `select adjustment_reason as reason, source_id, fund_fen::float8 as fund_fen from claim_line where claim_id = ? and kind = 'ADJUSTMENT' order by position`, [c.id]);
  const doc = pdfDocument(`结算单 ${c.agency_name} ${c.month}`, c.agency_name, out);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    doc.on('error', reject);
  });
  const { declareBy, payBy } = dueDates(c.month);
  doc.font('bold').fontSize(16).text('长期护理保险定点护理服务机构月度结算单', { align: 'center' });
  doc.moveDown(0.3).font('regular').fontSize(9).fillColor('#555').text(`结算单编号 ${c.id}`, { align: 'center' }).fillColor('#000').moveDown(0.8);
  const facts: [string, string][] = [
    ['定点机构', c.agency_name],
    ['结算月份', `${c.month.slice(0, 4)}年${Number(c.month.slice(5, 7))}月`],
    ['状态', `${STATE_ZH[c.state] ?? c.state}${c.late ? '（逾期申报）' : ''}`],
    ['申报截止 / 支付截止', `${declareBy} / ${payBy}`],
    ['申报时间', c.declared_at ? shanghai(c.declared_at) : '未申报'],
    ['审核通过', c.approved_at ? shanghai(c.approved_at) : '—'],
    ['支付', c.paid_on ? `${c.paid_on} · ${yuanText(c.paid_amount_fen ?? 0)} 元 · ${c.payment_reference}` : '—'],
    ['打印日期', localDate(new Date())],
  ];
  table(doc, [{ title: '项目', width: 140 }, { title: '内容', width: 367 }], facts);
  doc.moveDown(1).font('bold').fontSize(11).text('按护理形式汇总（金额单位：元）').moveDown(0.3);
  const r = { align: 'right' as const };
  table(
    doc,
    [{ title: '护理形式', width: 82 }, { title: '人数', width: 40, ...r }, { title: '服务次数', width: 52, ...r }, { title: '总费用', width: 70, ...r }, { title: '符合规定', width: 70, ...r }, { title: '超限自付', width: 64, ...r }, { title: '基金支付', width: 70, ...r }, { title: '个人自付', width: 59, ...r }],
    byForm.map((f) => [FORM_ZH[f.form] ?? f.form, String(f.lines), String(f.visits), yuanText(f.gross), yuanText(f.eligible), yuanText(f.excess), yuanText(f.fund), yuanText(f.copay)]),
  );
  doc.moveDown(1).font('bold').fontSize(11).text('结算金额（元）').moveDown(0.3);
  const totals: [string, string][] = [
    ['总费用', yuanText(c.gross_fen)],
    ['审核核减（智能审核扣除，不计入总费用）', yuanText(c.deducted_fen)],
    ['符合规定费用', yuanText(c.eligible_fen)],
    ['超限自付', yuanText(c.excess_fen)],
    ['基金支付（审核前）', yuanText(c.fund_fen)],
    ['复核扣减', yuanText(c.review_deducted_fen)],
    ['基金支付（审核后）', yuanText(c.approved_fund_fen)],
    ['质量保证金（5%，暂扣）', yuanText(-c.deposit_fen)],
    ...adjustments.map((a): [string, string] => [`${ADJUSTMENT_ZH[a.reason] ?? a.reason}`, yuanText(a.fund_fen)]),
    ['应付金额', yuanText(c.payable_fen)],
  ];
  table(doc, [{ title: '项目', width: 367 }, { title: '金额', width: 140, align: 'right' }], totals, { bold: (i) => i === totals.length - 1 });
  if (c.return_reason) doc.moveDown(0.8).font('regular').fontSize(9).text(`退回原因：${c.return_reason}`);
  signatures(doc, ['定点机构负责人', '医保经办人', '复核人']);
  footer(doc, `${c.agency_name} · ${c.month} 月度结算单`);
  doc.end();
  await done;
}

/** The area's month in one page or a few: claims by state, totals, a row per agency, signature fields. */
export async function writeSummaryPdf(rows: PaymentRow[], area: string, month: string, out: Writable): Promise<void> {
  const doc = pdfDocument(`结算汇总 ${area} ${month}`, `统筹区 ${area}`, out);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    doc.on('error', reject);
  });
  const { payBy } = dueDates(month);
  doc.font('bold').fontSize(16).text('长期护理保险月度结算汇总表', { align: 'center' });
  doc.moveDown(0.3).font('regular').fontSize(9).fillColor('#555').text(`统筹区 ${area} · ${month.slice(0, 4)}年${Number(month.slice(5, 7))}月 · 支付截止 ${payBy} · 金额单位：元`, { align: 'center' }).fillColor('#000').moveDown(0.8);
  const states = ['DRAFT', 'DECLARED', 'UNDER_REVIEW', 'APPROVED', 'PAID'];
  table(
    doc,
    [{ title: '状态', width: 120 }, { title: '机构数', width: 80, align: 'right' }, { title: '其中逾期', width: 80, align: 'right' }, { title: '应付金额', width: 227, align: 'right' }],
    states.map((s) => {
      const of = rows.filter((r) => r.state === s);
      return [STATE_ZH[s]!, String(of.length), String(of.filter((r) => r.late).length), yuanText(of.reduce((n, r) => n + r.payable_fen, 0))];
    }),
  );
  doc.moveDown(1);
  const sum = (k: keyof PaymentRow) => rows.reduce((n, r) => n + Number(r[k] ?? 0), 0);
  const r = { align: 'right' as const };
  table(
    doc,
    [{ title: '定点机构', width: 150 }, { title: '状态', width: 55 }, { title: '基金（审核后）', width: 80, ...r }, { title: '保证金', width: 62, ...r }, { title: '调整', width: 60, ...r }, { title: '应付', width: 100, ...r }],
    [
      ...rows.map((x) => [x.agency_name, STATE_ZH[x.state] ?? x.state, yuanText(x.approved_fund_fen), yuanText(x.deposit_fen), yuanText(x.adjustment_fen), yuanText(x.payable_fen)]),
      [`合计（${rows.length} 家）`, '', yuanText(sum('approved_fund_fen')), yuanText(sum('deposit_fen')), yuanText(sum('adjustment_fen')), yuanText(sum('payable_fen'))],
    ],
    { bold: (i) => i === rows.length },
  );
  signatures(doc, ['经办人', '复核人', '负责人']);
  footer(doc, `统筹区 ${area} · ${month} 结算汇总`);
  doc.end();
  await done;
}
