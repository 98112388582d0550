import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import en from '../../../renderer/src/i18n/en'
import vi from '../../../renderer/src/i18n/vi'

const SRC = join(import.meta.dirname, '../../../renderer/src')

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : /\.(vue|ts)$/.test(name) ? [path] : []
  })
}

function lookup(messages: object, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), messages)
}

test('every literal message key the renderer uses exists in both languages', () => {
  const missing: string[] = []
  let seen = 0
  for (const file of files(SRC)) {
    const text = readFileSync(file, 'utf8')
    // Literal keys only: computed ones (`delivery.status.${s}`) are exercised by the e2e tests.
    for (const match of text.matchAll(/\bt\(\s*['"]([a-zA-Z][\w.]*)['"]/g)) {
      seen++
      const key = match[1]
      for (const [lang, messages] of [['en', en], ['vi', vi]] as const) {
        if (typeof lookup(messages, key) !== 'string') missing.push(`${lang}: ${key} (${file.slice(SRC.length + 1)})`)
      }
    }
  }
  expect(seen).toBeGreaterThan(200)
  expect(missing).toEqual([])
})
