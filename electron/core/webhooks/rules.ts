import {
  fieldsFromZod,
  invalidInput,
  webhookCrossFieldRules,
  webhookPatchSchema,
  type FieldErrors,
  type Profile,
  type SigningStyle,
  type WebhookPatch,
} from '../contract'
import { isValidSecretFor } from '../secrets/generate'
import { localMinutes } from '../time'

/** SPEC §8: a blank name becomes "Webhook created on YYYY-MM-DD HH:mm", in the UI's language. */
export function defaultName(nowMs: number, locale: 'vi' | 'en' = 'en'): string {
  const when = localMinutes(nowMs)
  return locale === 'vi' ? `Webhook được tạo lúc ${when}` : `Webhook created on ${when}`
}

/** Rules that need the stored webhook: topics against the (possibly new) profile, the secret against the style. */
export function checkPatchAgainst(current: { profile: Profile; topics: string[]; signing: SigningStyle; secret: string }, patch: WebhookPatch): void {
  const merged = { ...patch, topics: patch.topics ?? (patch.topic !== undefined ? [patch.topic] : current.topics) }
  if (patch.topics && patch.topic !== undefined) merged.topic = patch.topic
  const result = webhookPatchSchema.superRefine((value, ctx) => webhookCrossFieldRules(value, ctx, current)).safeParse(merged)
  const fields: FieldErrors = result.success ? {} : fieldsFromZod(result.error)
  const style = patch.signing ?? current.signing
  const secret = patch.secret ?? current.secret
  if ((patch.signing !== undefined || patch.secret !== undefined) && !isValidSecretFor(style, secret)) {
    fields.secret = ['invalid_secret']
  }
  if (Object.keys(fields).length > 0) throw invalidInput(fields)
}

export function checkSecret(style: SigningStyle, secret: string): void {
  if (!isValidSecretFor(style, secret)) throw invalidInput({ secret: ['invalid_secret'] })
}

