// The printable care plan (长期护理保险护理计划 · 一人一方案) as PDF, with Noto Sans SC embedded and subset:
// the person and the plan, the items and their schedule, the month's cost, fund share and co-payment, and the
// signature fields of the beneficiary and the agency.
import { renderPdf } from '../shared/pdf.ts';
import { CARE_FORM_ZH } from '../providers/catalogue.ts';
import { frequencyText, unitsPerMonth, type Period, type PlanCost } from './careplan.rules.ts';


export interface PlanDocument {
  versionId: string;
  number: number;
  status: string;
  personName: string;
  idNumberMasked: string;
  address: string;
  level: number;
  careForm: string;
  agencyName: string;
  effectiveFrom: string | null;
  effectiveUntil: string | null;
  goals: string | null;
  notes: string | null;
  lines: { kind: string; code: string; name: string; category: string | null; times: number; per: Period; days: number[]; timeOfDay: string | null; unitPriceFen: number; goal: string | null }[];
  cost: PlanCost;
  consent: { signedBy: string; relation: string; excessFen: number } | null;
  printedOn: string;
}

const FORM_ZH: Record<string, string> = CARE_FORM_ZH;
const STATUS_ZH: Record<string, string> = { DRAFT: '草稿', SUBMITTED: '待审核', APPROVED: '已批准（待生效）', IN_FORCE: '生效中', SUPERSEDED: '已被新版本取代', ENDED: '已终止', DISCARDED: '已作废' };
const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];
const zhDate = (d: string) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
export const yuan = (fen: number) => `${fen < 0 ? '-' : ''}¥${(Math.abs(fen) / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

export function renderPlan(p: PlanDocument): Promise<Buffer> {
  return renderPdf({ margin: 48, title: `护理计划 ${p.personName}`, author: p.agencyName }, (doc) => {
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;

    doc.font('bold').fontSize(18).text('长期护理保险护理计划（一人一方案）', { align: 'center' });
    doc.moveDown(0.3).font('regular').fontSize(9).fillColor('#555').text(`第 ${p.number} 版 · ${STATUS_ZH[p.status] ?? p.status} · 编号 ${p.versionId}`, { align: 'center' });
    doc.fillColor('#000').moveDown(1);

    // Facts, two per row.
    const facts: [string, string][] = [
      ['参保人', p.personName],
      ['身份证号', p.idNumberMasked],
      ['失能等级', `${p.level} 级`],
      ['护理形式', FORM_ZH[p.careForm] ?? p.careForm],
      ['定点机构', p.agencyName],
      ['生效期间', p.effectiveFrom ? `${zhDate(p.effectiveFrom)} 起${p.effectiveUntil ? `至 ${zhDate(p.effectiveUntil)}` : ''}` : '待批准'],
    ];
    const half = width / 2;
    doc.fontSize(10);
    for (let i = 0; i < facts.length; i += 2) {
      const y = doc.y;
      for (const [k, [label, value]] of facts.slice(i, i + 2).entries()) {
        const x = left + k * half;
        doc.rect(x, y, half, 22).strokeColor('#999').lineWidth(0.5).stroke();
        doc.font('bold').text(label, x + 6, y + 6, { width: 60 });
        doc.font('regular').text(value, x + 70, y + 6, { width: half - 76, height: 14, ellipsis: true });
      }
      doc.x = left;
      doc.y = y + 22;
    }
    const y0 = doc.y;
    doc.rect(left, y0, width, 22).stroke();
    doc.font('bold').text('住址', left + 6, y0 + 6, { width: 60 });
    doc.font('regular').text(p.address, left + 70, y0 + 6, { width: width - 76, height: 14, ellipsis: true });
    doc.x = left;
    doc.y = y0 + 32;

    // Items.
    const cols = [
      { title: '编号', w: 38 },
      { title: '服务项目', w: 128 },
      { title: '频次', w: 62 },
      { title: '偏好时间', w: 92 },
      { title: '单价', w: 56, right: true },
      { title: '月次数', w: 42, right: true },
      { title: '月费用', w: width - 418, right: true },
    ];
    const row = (cells: string[], bold = false) => {
      if (doc.y > doc.page.height - doc.page.margins.bottom - 40) doc.addPage();
      const y = doc.y;
      let x = left;
      doc.font(bold ? 'bold' : 'regular').fontSize(9);
      const h = Math.max(18, ...cells.map((c, i) => doc.heightOfString(c, { width: cols[i]!.w - 8 }) + 8));
      cells.forEach((c, i) => {
        doc.rect(x, y, cols[i]!.w, h).strokeColor('#bbb').lineWidth(0.5).stroke();
        doc.text(c, x + 4, y + 4, { width: cols[i]!.w - 8, align: cols[i]!.right ? 'right' : 'left' });
        x += cols[i]!.w;
      });
      doc.x = left;
      doc.y = y + h;
    };
    doc.font('bold').fontSize(12).text('一、服务项目与频次');
    doc.moveDown(0.3);
    row(cols.map((c) => c.title), true);
    for (const l of p.lines) {
      const when = [l.days.length ? `周${l.days.map((d) => WEEKDAYS[d - 1]).join('、')}` : '', l.timeOfDay ?? ''].filter(Boolean).join(' ') || '—';
      const units = unitsPerMonth(l);
      row([l.code, l.kind === 'DEVICE' ? `${l.name}（租赁）` : l.name + (l.goal ? `\n目标：${l.goal}` : ''), l.kind === 'DEVICE' ? '每月' : frequencyText(l), when, yuan(l.unitPriceFen), String(units), yuan(units * l.unitPriceFen)]);
    }
    if (!p.lines.length) doc.font('regular').fontSize(9).text(p.careForm === 'FAMILY' ? '居家自主护理：按月发放护理补贴，由经培训的家属提供照护。' : '（无）');

    // Money.
    doc.moveDown(1).font('bold').fontSize(12).text('二、月度费用（按 30 天计）');
    doc.moveDown(0.3).font('regular').fontSize(10);
    const c = p.cost;
    const money: [string, string][] = [
      ['计划月度费用', yuan(c.grossFen)],
      ['支付限额', yuan(c.capFen)],
      ['基金支付', yuan(c.fundFen)],
      ['个人自付（共付部分）', yuan(c.copayFen)],
      ['超限自费', yuan(c.excessFen)],
      ['个人合计负担', yuan(c.personFen)],
    ];
    for (const [label, value] of money) {
      const y = doc.y;
      doc.text(label, left, y, { width: 200 });
      doc.text(value, left + 200, y, { width: 120, align: 'right' });
      doc.x = left;
      doc.moveDown(0.2);
    }
    if (c.main) doc.moveDown(0.3).fontSize(9).fillColor('#555').text(`${FORM_ZH[c.main.form]}：基金支付比例 ${c.main.fundRatioPercent}%` + (c.device ? `；辅具租赁：基金支付比例 ${c.device.fundRatioPercent}%，限额 ${yuan(c.device.capFen)}` : ''));
    doc.fillColor('#000');
    if (p.consent) doc.moveDown(0.3).fontSize(10).text(`超出支付限额部分每月 ${yuan(p.consent.excessFen)} 由参保人自费，已由 ${p.consent.signedBy}（${p.consent.relation}）确认同意。`);

    if (p.goals || p.notes) {
      doc.moveDown(1).font('bold').fontSize(12).text('三、护理目标与说明');
      doc.moveDown(0.3).font('regular').fontSize(10);
      if (p.goals) doc.text(`护理目标：${p.goals}`, { lineGap: 3 });
      if (p.notes) doc.text(`说明：${p.notes}`, { lineGap: 3 });
    }

    // Signatures.
    if (doc.y > doc.page.height - doc.page.margins.bottom - 130) doc.addPage();
    doc.moveDown(2).font('regular').fontSize(11);
    const sy = doc.y;
    doc.text('参保人（或家属）签字：', left, sy);
    doc.text('护理服务机构（盖章）：', left + half, sy);
    doc.moveTo(left, sy + 48).lineTo(left + half - 20, sy + 48).strokeColor('#000').stroke();
    doc.moveTo(left + half, sy + 48).lineTo(left + width, sy + 48).stroke();
    doc.text('日期：      年    月    日', left, sy + 60);
    doc.text('日期：      年    月    日', left + half, sy + 60);
    doc.x = left;
    doc.y = sy + 96;
    doc.fontSize(8).fillColor('#777').text(`打印日期 ${zhDate(p.printedOn)} · 本计划经医保经办机构审核后生效；服务记录按本计划核对。`, { align: 'center' });
  });
}
