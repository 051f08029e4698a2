/** Kysely table types of the plugin's tables (all prefixed `hello_`). */
export interface HelloDatabase {
  hello_greetings: {
    id: string;
    name: string;
    message: string;
    language: 'vi' | 'en';
    created_at: number;
    delivered_at: number | null;
  };
}
