/** Kysely table type of the royalties area. Times are epoch milliseconds; money is whole VND. */
export type RoyaltyStatus = 'proposed' | 'approved' | 'paid';
export type RoyaltyRole = 'author' | 'photographer' | 'translator' | 'editor' | 'other';

export interface RoyaltiesDatabase {
  portal_royalties: {
    id: string;
    tenant_id: string;
    subject_kind: 'article';
    subject_id: string;
    subject_title: string;
    published_at: number;
    /** `YYYY-MM` of publication in Vietnam time: the payout period. */
    period: string;
    recipient_name: string;
    recipient_user_id: string | null;
    role: RoyaltyRole;
    genre: string;
    coefficient_hundredths: number;
    unit_value_vnd: number;
    amount_vnd: number;
    status: RoyaltyStatus;
    note: string | null;
    created_by: string;
    approved_by: string | null;
    approved_at: number | null;
    paid_at: number | null;
    created_at: number;
    updated_at: number;
  };
}
