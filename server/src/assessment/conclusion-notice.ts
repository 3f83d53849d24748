// The printable conclusion notice (长期护理保险失能等级评估结论通知书) as PDF, with Noto Sans SC embedded and subset.
import { renderPdf } from '../shared/pdf.ts';
import { NATIONAL_STANDARD_2021, type Level } from './standard.ts';


export interface NoticeFacts {
  conclusionId: string;
  personName: string;
  /** Masked: the notice may be seen by family members and couriers. */
  idNumberMasked: string;
  address: string;
  level: Level;
  qualifies: boolean;
  issuedOn: string;
  effectiveDate: string;
  validUntil: string;
  appealDays: number;
  issuer: string;
}

const zhDate = (d: string) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

export function renderNotice(f: NoticeFacts): Promise<Buffer> {
  return renderPdf({ margin: 64, title: '失能等级评估结论通知书', author: f.issuer }, (doc) => {

    doc.font('bold').fontSize(20).text('长期护理保险失能等级评估结论通知书', { align: 'center' });
    doc.moveDown(0.4).font('regular').fontSize(10).fillColor('#555').text(`编号：${f.conclusionId}`, { align: 'center' });
    doc.moveDown(1.5).fillColor('#000').fontSize(12);
    doc.font('bold').text(`${f.personName}：`);
    doc.moveDown(0.5).font('regular');
    doc.text(
      `经失能等级评估、评审及公示，根据《长期护理失能等级评估标准（试行）》，现将您的评估结论通知如下：`,
      { lineGap: 4 },
    );
    doc.moveDown(1);
    const rows: [string, string][] = [
      ['姓名', f.personName],
      ['身份证号', f.idNumberMasked],
      ['住址', f.address],
      ['失能等级', `${f.level} 级 · ${NATIONAL_STANDARD_2021.levelNames[f.level].zh}`],
      ['待遇资格', f.qualifies ? '符合长期护理保险待遇享受条件' : '未达到长期护理保险待遇享受条件'],
      ['结论日期', zhDate(f.issuedOn)],
      ['生效日期', zhDate(f.effectiveDate)],
      ['有效期至', zhDate(f.validUntil)],
    ];
    const x = doc.page.margins.left;
    const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    for (const [label, value] of rows) {
      const y = doc.y;
      doc.rect(x, y, width, 28).strokeColor('#999').lineWidth(0.5).stroke();
      doc.font('bold').text(label, x + 10, y + 7, { width: 90 });
      doc.font('regular').text(value, x + 110, y + 7, { width: width - 120 });
      doc.x = x;
      doc.y = y + 28;
    }
    doc.moveDown(1.5).font('regular').fontSize(11);
    doc.text(
      `如对本结论有异议，可自收到本通知之日起 ${f.appealDays} 日内向经办机构提出复评申请。有效期届满前，请按规定申请重新评估；` +
        `身体状况发生明显变化的，可按规定申请重新评估。`,
      x,
      doc.y,
      { width, lineGap: 4 },
    );
    doc.moveDown(3).text(f.issuer, { align: 'right' });
    doc.text(zhDate(f.issuedOn), { align: 'right' });
  });
}
