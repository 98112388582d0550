import { expect, test } from 'vitest'
import { FIELD_CODES } from '../../../electron/core/contract'
import en from '../../../renderer/src/i18n/en'
import vi from '../../../renderer/src/i18n/vi'

test('every field error code the core can send is translated in both languages', () => {
  for (const code of FIELD_CODES) {
    expect(en.errors[code as keyof typeof en.errors], `en errors.${code}`).toBeTruthy()
    expect(vi.errors[code as keyof typeof vi.errors], `vi errors.${code}`).toBeTruthy()
  }
})

test("seed 000's words are kept verbatim (UI.md)", () => {
  expect(Object.values(vi.columns)).toEqual(['ID', 'Tên', 'Trạng thái', 'URL', 'Sự kiện cần gửi', 'Thời gian tạo', 'Thời gian chỉnh sửa', 'Hành động'])
  expect(Object.values(en.columns)).toEqual(['ID', 'Name', 'Status', 'URL', 'Events', 'Created', 'Modified', 'Actions'])
  expect(vi.screen.webhooks).toBe('Quản lý Webhook')
  expect(en.screen.webhooks).toBe('Webhook management')
  expect(vi.webhooks.add).toBe('Thêm webhook')
  expect(vi.status).toEqual({ enabled: 'Hoạt động (Enable)', disabled: 'Không hoạt động (Disable)', auto_disabled: 'Tự động tắt' })
  const words = (messages: object) => JSON.stringify(messages)
  for (const phrase of ['Thêm mới webhook', 'Chỉnh sửa webhook', 'Cập nhật webhook', 'Đã cập nhật webhook thành công', 'Đã bật webhook thành công!', 'Đã tắt webhook thành công!', 'Đã xoá thành công!', 'Kiểm tra URL Webhook của bạn', 'Kiểm thử webhook', 'Bật webhook', 'Tắt webhook', 'Xóa webhook', 'Xem nhật ký sự kiện', 'Tổng số trang', 'Tới trang', 'Tự động đồng bộ', 'Đồng bộ ngay', 'Đồng bộ lần cuối', 'Nhật ký sự kiện', 'Xác nhận']) {
    expect(words(vi), phrase).toContain(phrase)
  }
  for (const phrase of ['Create webhook', 'Edit webhook', 'Update webhook', 'Webhook updated successfully', 'Webhook enabled successfully!', 'Webhook disabled successfully!', 'Deleted successfully!', 'Test your webhook URL', 'Test webhook', 'View event log', 'Total pages', 'Go to page', 'Auto-sync', 'Sync now', 'Last synced', 'Confirm']) {
    expect(words(en), phrase).toContain(phrase)
  }
})
