import { defineStore } from 'pinia'
import { ref } from 'vue'
import { TOPICS, groupByResource, type Profile, type TopicCatalog } from '@contract'
import { call } from '../api/client'

/** The topic catalogue, fetched once; the contract's static list fills in until it arrives. */
export const useTopicsStore = defineStore('topics', () => {
  const catalog = ref<TopicCatalog | null>(null)
  let loading: Promise<void> | null = null

  function load(): Promise<void> {
    loading ??= call('topics.catalog', {})
      .then((c) => void (catalog.value = c))
      .catch(() => void (loading = null))
    return loading
  }

  function groups(profile: Profile): Array<{ resource: string; topics: string[] }> {
    const found = catalog.value?.profiles.find((p) => p.profile === profile)
    return found ? found.groups : groupByResource(TOPICS[profile])
  }

  return { catalog, load, groups }
})
