/** Kysely table types of the plugin's tables (all prefixed `hello_`). */
export interface HelloDatabase {
  hello_greetings: {
    id: string;
    /** The unit the greeting belongs to; null on a platform without units (and for rows from before units). */
    tenant_id: string | null;
    name: string;
    message: string;
    language: 'vi' | 'en';
    created_at: number;
    delivered_at: number | null;
  };
}
