/**
 * Products a Vietnamese online shop sells, with VND prices (whole đồng: VND has no minor
 * unit), their vendor and product type, and variant options.
 */
export interface ViProduct {
  name: string
  price: number
  vendor: string
  type: string
  grams: number
  /** Variant option values (one option); the first is the default variant. */
  options: readonly string[]
  optionName: string
}

export const VI_PRODUCTS: readonly ViProduct[] = [
  { name: 'Áo thun cotton nam', price: 189000, vendor: 'Coolmate', type: 'Áo', grams: 200, options: ['S', 'M', 'L', 'XL'], optionName: 'Kích thước' },
  { name: 'Áo sơ mi linen nữ', price: 349000, vendor: 'Routine', type: 'Áo', grams: 250, options: ['S', 'M', 'L'], optionName: 'Kích thước' },
  { name: 'Quần jean ống suông', price: 459000, vendor: 'Yody', type: 'Quần', grams: 600, options: ['28', '29', '30', '31', '32'], optionName: 'Kích thước' },
  { name: 'Váy hoa nhí dáng dài', price: 529000, vendor: 'Ivy Moda', type: 'Váy', grams: 350, options: ['S', 'M', 'L'], optionName: 'Kích thước' },
  { name: 'Giày thể thao Bitis Hunter', price: 899000, vendor: "Biti's", type: 'Giày dép', grams: 800, options: ['39', '40', '41', '42', '43'], optionName: 'Cỡ giày' },
  { name: 'Dép quai ngang', price: 129000, vendor: "Biti's", type: 'Giày dép', grams: 300, options: ['38', '39', '40', '41'], optionName: 'Cỡ giày' },
  { name: 'Cà phê rang xay Buôn Ma Thuột 500g', price: 165000, vendor: 'Trung Nguyên', type: 'Thực phẩm', grams: 500, options: ['Xay mịn', 'Nguyên hạt'], optionName: 'Loại' },
  { name: 'Trà sen Tây Hồ hộp 100g', price: 250000, vendor: 'Phúc Long', type: 'Thực phẩm', grams: 120, options: ['Hộp giấy', 'Hộp thiếc'], optionName: 'Đóng gói' },
  { name: 'Nước mắm Phú Quốc 40 độ đạm', price: 98000, vendor: 'Khải Hoàn', type: 'Thực phẩm', grams: 700, options: ['500ml', '1 lít'], optionName: 'Dung tích' },
  { name: 'Bánh pía sầu riêng Sóc Trăng', price: 75000, vendor: 'Tân Huê Viên', type: 'Thực phẩm', grams: 400, options: ['Hộp 4 cái', 'Hộp 8 cái'], optionName: 'Đóng gói' },
  { name: 'Son kem lì', price: 215000, vendor: 'Lemonade', type: 'Mỹ phẩm', grams: 30, options: ['Đỏ gạch', 'Hồng đất', 'Cam cháy'], optionName: 'Màu sắc' },
  { name: 'Sữa rửa mặt nghệ Hưng Yên', price: 145000, vendor: 'Cocoon', type: 'Mỹ phẩm', grams: 150, options: ['140ml', '310ml'], optionName: 'Dung tích' },
  { name: 'Nồi cơm điện 1.8L', price: 1290000, vendor: 'Sunhouse', type: 'Gia dụng', grams: 3200, options: ['Trắng', 'Đỏ'], optionName: 'Màu sắc' },
  { name: 'Quạt đứng 5 cánh', price: 690000, vendor: 'Điện Cơ Thống Nhất', type: 'Gia dụng', grams: 5000, options: ['Xanh', 'Trắng'], optionName: 'Màu sắc' },
  { name: 'Bình giữ nhiệt 500ml', price: 235000, vendor: 'Lock&Lock', type: 'Gia dụng', grams: 350, options: ['Đen', 'Bạc', 'Hồng'], optionName: 'Màu sắc' },
  { name: 'Tai nghe bluetooth không dây', price: 1490000, vendor: 'Soundpeats', type: 'Điện tử', grams: 60, options: ['Đen', 'Trắng'], optionName: 'Màu sắc' },
  { name: 'Sạc dự phòng 20000mAh', price: 590000, vendor: 'Xiaomi', type: 'Điện tử', grams: 420, options: ['Đen', 'Trắng'], optionName: 'Màu sắc' },
  { name: 'Balo laptop chống sốc', price: 420000, vendor: 'Mikkor', type: 'Phụ kiện', grams: 900, options: ['Đen', 'Xám'], optionName: 'Màu sắc' },
  { name: 'Nón lá Huế', price: 85000, vendor: 'Làng nghề Phú Cam', type: 'Phụ kiện', grams: 150, options: ['Trơn', 'Thêu hoa'], optionName: 'Kiểu' },
  { name: 'Sách "Dế Mèn phiêu lưu ký"', price: 68000, vendor: 'NXB Kim Đồng', type: 'Sách', grams: 250, options: ['Bìa mềm', 'Bìa cứng'], optionName: 'Loại bìa' },
]

/** Suppliers (Sapo's suppliers/* topics): wholesale companies a shop buys from. */
export const VI_SUPPLIERS = [
  'Công ty TNHH Thời trang Việt Tiến', 'Công ty CP Thực phẩm Sài Gòn', 'Công ty TNHH Gia dụng Sunhouse',
  'Công ty CP Mỹ phẩm Thorakao', 'Công ty TNHH Điện tử Phong Vũ', 'Công ty CP Sách Phương Nam',
] as const
