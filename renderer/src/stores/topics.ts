import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Profile, TopicCatalog } from '@contract'
import { call, on } from '../api/client'

export type TopicGroup = { resource: string; topics: string[] }

/**
 * The topic catalogue, from the `topics.catalog` procedure only: the core owns which topics
 * exist (built-in ones plus those a user stored), and it checks them again on save.
 */
export const useTopicsStore = defineStore('topics', () => {
  const catalog = ref<TopicCatalog | null>(null)
  let loading: Promise<void> | null = null

  /** Fetches once; `force` refetches (after a save may have stored a custom topic). */
  function load(force = false): Promise<void> {
    if (force) loading = null
    loading ??= call('topics.catalog', {})
      .then((c) => void (catalog.value = c))
      .catch(() => void (loading = null))
    return loading
  }

  function groups(profile: Profile): TopicGroup[] {
    return catalog.value?.profiles.find((p) => p.profile === profile)?.groups ?? []
  }

  /** Whether the catalogue lists the topic for the profile; unknown until it has loaded. */
  function lists(profile: Profile, topic: string): boolean | null {
    if (!catalog.value) return null
    return groups(profile).some((g) => g.topics.includes(topic))
  }

  /** Whether the profile takes event types of the user's own (Standard Webhooks, WooCommerce actions). */
  function open(profile: Profile): boolean {
    return catalog.value?.profiles.find((p) => p.profile === profile)?.open ?? false
  }

  // A custom topic added or removed anywhere (another window, the CLI) shows at once.
  on('topics.changed', () => void (catalog.value && load(true)))

  return { catalog, load, groups, lists, open }
})
