/**
 * Vietnamese names and phone prefixes. Faker's `vi` locale has names too, but drawing from
 * these arrays with our own PRNG is ~100× cheaper per payload and cannot shift with a
 * faker release. Names are written with their diacritics, as customers type them.
 */
export const FAMILY_NAMES = [
  'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ',
  'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Trương', 'Mai', 'Lâm', 'Tô', 'Hà', 'Cao', 'Quách',
] as const

export const MIDDLE_NAMES = ['Văn', 'Thị', 'Minh', 'Ngọc', 'Thanh', 'Hữu', 'Đức', 'Thu', 'Quốc', 'Gia', 'Bảo', 'Xuân', 'Hoài', 'Kim'] as const

export const GIVEN_NAMES = [
  'An', 'Anh', 'Bình', 'Châu', 'Chi', 'Cường', 'Dũng', 'Dung', 'Duy', 'Giang', 'Hà', 'Hải', 'Hạnh',
  'Hiếu', 'Hoa', 'Hùng', 'Huy', 'Hương', 'Khánh', 'Khoa', 'Lan', 'Linh', 'Long', 'Mai', 'Minh',
  'My', 'Nam', 'Ngân', 'Nhung', 'Phong', 'Phúc', 'Phương', 'Quân', 'Quang', 'Sơn', 'Tâm', 'Thảo',
  'Thắng', 'Thủy', 'Tiến', 'Trang', 'Trí', 'Trung', 'Tú', 'Tuấn', 'Uyên', 'Vân', 'Việt', 'Vy', 'Yến',
] as const

/** Mobile prefixes of Viettel, Vinaphone, MobiFone, Vietnamobile (10-digit numbers since 2018). */
export const PHONE_PREFIXES = [
  '032', '033', '034', '035', '036', '037', '038', '039', '086', '096', '097', '098',
  '081', '082', '083', '084', '085', '088', '091', '094', '070', '076', '077', '078', '079',
  '089', '090', '093', '056', '058', '092',
] as const

/** Ascii form of a Vietnamese word, for e-mail local parts (`nguyen.van.an@…`). */
export function asciiFold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
}

export const EMAIL_DOMAINS = ['gmail.com', 'yahoo.com.vn', 'outlook.com', 'hotmail.com', 'icloud.com'] as const
