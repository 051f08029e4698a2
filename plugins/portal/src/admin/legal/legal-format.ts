/** A calendar day (`YYYY-MM-DD`) for people: 01/10/2019 in both languages, as Vietnamese documents write it. */
export function formatDay(day: string | null): string {
  if (!day) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : day;
}
