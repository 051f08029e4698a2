/**
 * The fields (lĩnh vực) a province's form offers until its board edits them: the usual topics of
 * provincial Q&A portlets. Codes are stable; names are what the public reads.
 */
export const DEFAULT_FIELDS: readonly { readonly code: string; readonly vi: string; readonly en: string }[] = [
  { code: 'dat-dai', vi: 'Đất đai', en: 'Land' },
  { code: 'xay-dung', vi: 'Xây dựng', en: 'Construction' },
  { code: 'thue', vi: 'Thuế, phí, lệ phí', en: 'Taxes and fees' },
  { code: 'giao-duc', vi: 'Giáo dục', en: 'Education' },
  { code: 'y-te', vi: 'Y tế', en: 'Health' },
  { code: 'lao-dong-viec-lam', vi: 'Lao động – việc làm', en: 'Labour and employment' },
  { code: 'bao-hiem-xa-hoi', vi: 'Bảo hiểm xã hội, chính sách xã hội', en: 'Social insurance and welfare' },
  { code: 'giao-thong', vi: 'Giao thông vận tải', en: 'Transport' },
  { code: 'moi-truong', vi: 'Tài nguyên – môi trường', en: 'Natural resources and environment' },
  { code: 'nong-nghiep', vi: 'Nông nghiệp', en: 'Agriculture' },
  { code: 'dau-tu-kinh-doanh', vi: 'Đầu tư, kinh doanh, doanh nghiệp', en: 'Investment and business' },
  { code: 'tu-phap-ho-tich', vi: 'Tư pháp, hộ tịch', en: 'Justice and civil status' },
  { code: 'noi-vu', vi: 'Nội vụ, cán bộ công chức', en: 'Home affairs and civil service' },
  { code: 'van-hoa-du-lich', vi: 'Văn hóa, thể thao, du lịch', en: 'Culture, sports and tourism' },
  { code: 'khoa-hoc-cong-nghe', vi: 'Khoa học, công nghệ, chuyển đổi số', en: 'Science, technology and digital transformation' },
  { code: 'khac', vi: 'Lĩnh vực khác', en: 'Other' },
];

/** The purpose and consent text shown on every form (CORE-11); its version is logged with each question. */
export const CONSENT_TEXT = {
  vi:
    'Thông tin cá nhân (họ tên, e-mail, số điện thoại, địa chỉ) chỉ dùng để xác nhận, chuyển câu hỏi đến cơ quan có thẩm quyền ' +
    'và trả lời bạn; không công khai trên cổng. Nếu bạn đồng ý công khai, câu hỏi và câu trả lời có thể được đăng sau khi đã che thông tin cá nhân.',
  en:
    'Your personal data (name, e-mail, phone, address) is used only to verify your question, forward it to the competent agency and ' +
    'answer you; it is never shown on the portal. If you agree to publication, the question and its answer may be published with personal data masked.',
} as const;
