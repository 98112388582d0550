import { invalidInput, isKnownTopic, type FieldErrors, type Profile, type SigningStyle, type WebhookPatch } from '../contract'
import { isValidSecretFor } from '../secrets/generate'
import { localMinutes } from '../time'

/** SPEC §8: a blank name becomes "Webhook created on YYYY-MM-DD HH:mm", in the UI's language. */
export function defaultName(nowMs: number, locale: 'vi' | 'en' = 'en'): string {
  const when = localMinutes(nowMs)
  return locale === 'vi' ? `Webhook được tạo lúc ${when}` : `Webhook created on ${when}`
}

/**
 * Rules that need the stored webhook, after the contract's schema passed: topics
 * against the (possibly new) profile, the secret against the style, the timeout pair.
 */
export function checkPatchAgainst(
  current: { profile: Profile; topics: string[]; signing: SigningStyle; secret: string; connect_timeout_ms: number; timeout_ms: number },
  patch: WebhookPatch,
): void {
  const fields: FieldErrors = {}
  const profile = patch.profile ?? current.profile
  const topics = patch.topics ?? (patch.topic !== undefined ? [patch.topic] : patch.profile ? current.topics : [])
  topics.forEach((topic, i) => {
    if (!isKnownTopic(profile, topic)) fields[!patch.topics && patch.topic !== undefined ? 'topic' : `topics.${i}`] = ['unknown_topic']
  })
  const style = patch.signing ?? current.signing
  const secret = patch.secret ?? current.secret
  if ((patch.signing !== undefined || patch.secret !== undefined) && secret !== '' && !isValidSecretFor(style, secret)) {
    fields.secret = ['invalid_secret']
  }
  if ((patch.connect_timeout_ms ?? current.connect_timeout_ms) > (patch.timeout_ms ?? current.timeout_ms)) {
    fields.connect_timeout_ms = ['out_of_range']
  }
  if (Object.keys(fields).length > 0) throw invalidInput(fields)
}
