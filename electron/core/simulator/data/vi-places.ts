/**
 * A small gazetteer: provinces with some of their districts and wards, and street names,
 * enough for addresses that a Vietnamese shop owner would recognise. Codes follow the
 * General Statistics Office numbering used by Sapo's address fields.
 */
export interface Province {
  name: string
  code: string
  districts: ReadonlyArray<{ name: string; code: string; wards: readonly string[] }>
}

export const PROVINCES: readonly Province[] = [
  {
    name: 'Hà Nội', code: 'HN',
    districts: [
      { name: 'Quận Ba Đình', code: '001', wards: ['Phường Phúc Xá', 'Phường Trúc Bạch', 'Phường Kim Mã', 'Phường Ngọc Hà'] },
      { name: 'Quận Hoàn Kiếm', code: '002', wards: ['Phường Hàng Bạc', 'Phường Hàng Bông', 'Phường Tràng Tiền', 'Phường Lý Thái Tổ'] },
      { name: 'Quận Đống Đa', code: '006', wards: ['Phường Láng Hạ', 'Phường Ô Chợ Dừa', 'Phường Kim Liên', 'Phường Trung Liệt'] },
      { name: 'Quận Cầu Giấy', code: '005', wards: ['Phường Dịch Vọng', 'Phường Mai Dịch', 'Phường Yên Hoà', 'Phường Quan Hoa'] },
    ],
  },
  {
    name: 'Hồ Chí Minh', code: 'HCM',
    districts: [
      { name: 'Quận 1', code: '760', wards: ['Phường Bến Nghé', 'Phường Bến Thành', 'Phường Đa Kao', 'Phường Tân Định'] },
      { name: 'Quận 3', code: '770', wards: ['Phường Võ Thị Sáu', 'Phường 4', 'Phường 9', 'Phường 11'] },
      { name: 'Quận Bình Thạnh', code: '765', wards: ['Phường 1', 'Phường 15', 'Phường 25', 'Phường 26'] },
      { name: 'Quận Phú Nhuận', code: '768', wards: ['Phường 2', 'Phường 7', 'Phường 9', 'Phường 15'] },
      { name: 'Thành phố Thủ Đức', code: '769', wards: ['Phường Thảo Điền', 'Phường An Phú', 'Phường Linh Trung', 'Phường Hiệp Phú'] },
    ],
  },
  {
    name: 'Đà Nẵng', code: 'DN',
    districts: [
      { name: 'Quận Hải Châu', code: '492', wards: ['Phường Thạch Thang', 'Phường Hải Châu I', 'Phường Phước Ninh', 'Phường Hòa Thuận Tây'] },
      { name: 'Quận Sơn Trà', code: '493', wards: ['Phường An Hải Bắc', 'Phường Phước Mỹ', 'Phường Mân Thái'] },
    ],
  },
  {
    name: 'Hải Phòng', code: 'HP',
    districts: [{ name: 'Quận Lê Chân', code: '306', wards: ['Phường An Biên', 'Phường Dư Hàng', 'Phường Trại Cau'] }],
  },
  {
    name: 'Cần Thơ', code: 'CT',
    districts: [{ name: 'Quận Ninh Kiều', code: '916', wards: ['Phường Tân An', 'Phường An Hòa', 'Phường Xuân Khánh'] }],
  },
  {
    name: 'Khánh Hòa', code: 'KH',
    districts: [{ name: 'Thành phố Nha Trang', code: '568', wards: ['Phường Lộc Thọ', 'Phường Vĩnh Hải', 'Phường Phước Hòa'] }],
  },
  {
    name: 'Thừa Thiên Huế', code: 'TTH',
    districts: [{ name: 'Thành phố Huế', code: '474', wards: ['Phường Phú Hội', 'Phường Vĩnh Ninh', 'Phường Thuận Thành'] }],
  },
]

export const STREETS = [
  'Lê Lợi', 'Nguyễn Huệ', 'Trần Hưng Đạo', 'Hai Bà Trưng', 'Lý Thường Kiệt', 'Điện Biên Phủ',
  'Nguyễn Trãi', 'Lê Duẩn', 'Phan Đình Phùng', 'Võ Văn Tần', 'Cách Mạng Tháng Tám', 'Nguyễn Thị Minh Khai',
  'Pasteur', 'Hoàng Diệu', 'Bà Triệu', 'Kim Mã', 'Xuân Thủy', 'Láng Hạ', 'Trường Chinh', 'Quang Trung',
] as const
