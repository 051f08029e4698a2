import type { IssueLayoutInput } from './issue-layout-input.js';

/** What the last page says, shared by the HTML template and the pdfkit fallback. */
export interface LastPageLines {
  readonly heading: string;
  readonly details: readonly { readonly label: string; readonly value: string }[];
  /** The legal-value sentence of GAZ-03. */
  readonly note: string;
}

export function lastPageLines(input: IssueLayoutInput): LastPageLines {
  const { publisher } = input;
  return {
    heading: `CÔNG BÁO TỈNH ${input.provinceName.toLocaleUpperCase('vi')}`,
    details: [
      { label: 'Cơ quan xuất bản', value: publisher.name },
      { label: 'Địa chỉ', value: publisher.address },
      { label: 'Điện thoại', value: publisher.phone },
      { label: 'Email', value: publisher.email },
      { label: 'Website', value: publisher.website },
    ],
    note: 'Văn bản đăng trên Công báo là văn bản chính thức và có giá trị như bản gốc.',
  };
}
