/**
 * Folds text for search the way Vietnamese users type it: lower case, no diacritics,
 * đ as d ("Đơn HÀNG số 3" → "don hang so 3"). Applied to the stored key and to the
 * query alike, so matching happens in SQL.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
}
