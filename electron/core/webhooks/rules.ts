import { emptyFields, invalidInput, reservedHeaderReason, type Profile, type SigningStyle, type TopicMembership, type WebhookPatch } from '../contract'
import { isValidSecretFor } from '../secrets/generate'
import { localMinutes } from '../time/format'

/** SPEC §8: a blank name becomes "Webhook created on YYYY-MM-DD HH:mm", in the UI's language. */
export function defaultName(nowMs: number, locale: 'vi' | 'en' = 'en'): string {
  const when = localMinutes(nowMs)
  return locale === 'vi' ? `Webhook được tạo lúc ${when}` : `Webhook created on ${when}`
}

/**
 * Rules that need the stored webhook, after the contract's schema passed: topics
 * against the (possibly new) profile, the secret against the style, the timeout
 * pair, and custom headers against the headers the profile and style set.
 */
export function checkPatchAgainst(
  current: { profile: Profile; topics: string[]; signing: SigningStyle; secret: string; headers: Record<string, string>; connect_timeout_ms: number; timeout_ms: number },
  patch: WebhookPatch,
  knows: TopicMembership,
): void {
  const fields = emptyFields()
  const profile = patch.profile ?? current.profile
  const topics = patch.topics ?? (patch.topic !== undefined ? [patch.topic] : patch.profile ? current.topics : [])
  topics.forEach((topic, i) => {
    if (!knows(profile, topic)) fields[!patch.topics && patch.topic !== undefined ? 'topic' : `topics.${i}`] = ['unknown_topic']
  })
  const style = patch.signing ?? current.signing
  const secret = patch.secret ?? current.secret
  if ((patch.signing !== undefined || patch.secret !== undefined) && secret !== '' && !isValidSecretFor(style, secret)) {
    fields.secret = ['invalid_secret']
  }
  if ((patch.connect_timeout_ms ?? current.connect_timeout_ms) > (patch.timeout_ms ?? current.timeout_ms)) {
    fields.connect_timeout_ms = ['out_of_range']
  }
  if (patch.headers !== undefined || patch.profile !== undefined || patch.signing !== undefined) {
    for (const name of Object.keys(patch.headers ?? current.headers)) {
      if (reservedHeaderReason(name, profile, style)) fields[`headers.${name}`] = ['reserved_header']
    }
  }
  if (Object.keys(fields).length > 0) throw invalidInput(fields)
}
