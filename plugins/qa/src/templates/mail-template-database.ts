/** Kysely table type of mail templates (`qa_mail_templates`, migration 0490). Times are epoch milliseconds. */
export interface MailTemplateDatabase {
  qa_mail_templates: {
    province_id: string;
    name: string;
    subject: string;
    body_vi: string;
    body_en: string;
    updated_by: string;
    updated_at: number;
  };
}

export type MailTemplateRow = MailTemplateDatabase['qa_mail_templates'];
