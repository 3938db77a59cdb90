/** An amount, or a dash before there is one (the API leaves out what it does not know yet). */
export function money(value: number | null | undefined, asset = ''): string {
  if (value == null) return '—';
  return `${Number(value).toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${asset}`.trim();
}
