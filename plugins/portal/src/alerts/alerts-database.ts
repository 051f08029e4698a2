/** Kysely table type of the alerts area. Times are epoch milliseconds. */
export type AlertSeverity = 'info' | 'warning' | 'danger';
export type AlertScope = 'unit' | 'subtree';

export interface AlertsDatabase {
  portal_alerts: {
    id: string;
    tenant_id: string;
    message_vi: string;
    message_en: string | null;
    severity: AlertSeverity;
    scope: AlertScope;
    starts_at: number;
    ends_at: number | null;
    created_by: string;
    created_at: number;
    updated_at: number;
  };
}
