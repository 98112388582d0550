/**
 * Display helpers for topic names; which topics exist is the core's business (topics.catalog).
 */

/** A resource's name in the current language when the i18n files have one, else as it is. */
export function resourceLabel(resource: string, t: (key: string) => string, te: (key: string) => boolean): string {
  const key = `resource.${resource}`
  return te(key) ? t(key) : resource
}
