import type { AnnualReport } from './annual-report.schema.js';

/**
 * The parts of an administrative document (NĐ 30/2020/NĐ-CP) that frame the report: the agency block
 * on the left, the national name and motto on the right, the number line, place and date, the title,
 * the recipients and the signature block. DOCX and PDF lay out the same wording.
 */
export interface ReportHeading {
  /** The agency's parent, upper case: "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ". */
  readonly parentAgency: string;
  /** The agency that reports, upper case: "VĂN PHÒNG". */
  readonly agency: string;
  readonly nationalName: string;
  readonly motto: string;
  /** "Số:      /BC-VP": the number is written in when the report is registered. */
  readonly numberLine: string;
  /** "Quảng Trị, ngày 29 tháng 11 năm 2026". */
  readonly placeAndDate: string;
  readonly title: string;
  readonly subtitle: string;
  /** One paragraph stating the main figures. */
  readonly overview: string;
  readonly basisLine: string;
  readonly dueLine: string;
  readonly recipientsTitle: string;
  readonly recipients: readonly string[];
  readonly signerTitle: string;
  readonly signerNote: string;
  /** `bao-cao-cong-tac-cong-bao-2026`: the download's file name without extension (ASCII). */
  readonly fileStem: string;
  /** "Báo cáo công tác Công báo năm 2026": the download's Vietnamese file name without extension. */
  readonly fileTitle: string;
}

export interface ReportAgency {
  /** The province without "Tỉnh": "Quảng Trị". */
  readonly provinceName: string;
  /** The office that publishes the gazette: "Văn phòng Ủy ban nhân dân tỉnh Quảng Trị". */
  readonly officeName: string;
}

const dmy = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

export function reportHeading(report: AnnualReport, agency: ReportAgency, today: string): ReportHeading {
  const wholeYear = report.from === `${report.year}-01-01` && report.to === `${report.year}-12-31`;
  const t = report.totals;
  // "Văn phòng Ủy ban nhân dân tỉnh X" splits into the office and its parent, as the header prints them.
  const office = /^(Văn phòng)\s+(.+)$/iu.exec(agency.officeName);
  return {
    parentAgency: (office ? office[2]! : `Ủy ban nhân dân tỉnh ${agency.provinceName}`).toLocaleUpperCase('vi'),
    agency: (office ? office[1]! : agency.officeName).toLocaleUpperCase('vi'),
    nationalName: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    numberLine: 'Số:        /BC-VP',
    placeAndDate: `${agency.provinceName}, ngày ${today.slice(8, 10)} tháng ${today.slice(5, 7)} năm ${today.slice(0, 4)}`,
    title: 'BÁO CÁO',
    subtitle: `Tình hình thực hiện công tác Công báo năm ${report.year}${wholeYear ? '' : ` (từ ngày ${dmy(report.from)} đến ngày ${dmy(report.to)})`}`,
    overview:
      `Trong kỳ báo cáo, cơ quan Công báo tỉnh ${agency.provinceName} đã tiếp nhận ${t.received} văn bản gửi đăng Công báo, ` +
      `đăng ${t.published} văn bản (${t.publishedOnTime} văn bản đúng thời hạn, ${t.publishedLate} văn bản chậm), ` +
      `phát hành ${t.issues} số Công báo với tổng số ${t.issuePages} trang; ${t.corrections} văn bản đính chính; ` +
      `đến cuối kỳ còn ${t.pendingAtEnd} văn bản chưa đăng.`,
    basisLine: report.basis.citation ? `Căn cứ: ${report.basis.citation}.` : 'Căn cứ: chưa có quy định trong bộ quy tắc cho kỳ báo cáo này.',
    dueLine: report.basis.dueDate ? `Thời hạn gửi báo cáo về Văn phòng Chính phủ: ngày ${dmy(report.basis.dueDate)}.` : 'Thời hạn gửi báo cáo: chưa xác định.',
    recipientsTitle: 'Nơi nhận:',
    recipients: ['- Văn phòng Chính phủ;', '- Lãnh đạo UBND tỉnh (để b/c);', '- Lưu: VT.'],
    signerTitle: 'CHÁNH VĂN PHÒNG',
    signerNote: '(Ký, ghi rõ họ tên và đóng dấu)',
    fileStem: `bao-cao-cong-tac-cong-bao-${report.year}${wholeYear ? '' : `-${report.from}-${report.to}`}`,
    fileTitle: `Báo cáo công tác Công báo năm ${report.year}${wholeYear ? '' : ` ${report.from} đến ${report.to}`}`,
  };
}
