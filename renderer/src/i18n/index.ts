import { createI18n } from 'vue-i18n'
import en from './en'
import vi from './vi'

export type Locale = 'vi' | 'en'
export const LOCALES: Locale[] = ['vi', 'en']

/** The OS language decides until the user picks one (SPEC: default follows the system). */
export function systemLocale(): Locale {
  const langs = navigator.languages?.length ? navigator.languages : [navigator.language]
  return langs[0]?.toLowerCase().startsWith('vi') ? 'vi' : 'en'
}

export const i18n = createI18n({
  legacy: false,
  locale: systemLocale(),
  fallbackLocale: 'en',
  messages: { en, vi },
  // Seed texts contain no HTML; never let a message be treated as markup.
  warnHtmlMessage: false,
})

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
}

export function currentLocale(): Locale {
  return i18n.global.locale.value as Locale
}
