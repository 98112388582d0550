import { onBeforeUnmount, ref, type Ref } from 'vue'

/** Below this width the sidebar keeps only its icons, so the top bar keeps its room. */
export const NARROW_PX = 1024

/** True while the window is narrower than `px`; follows resizes. */
export function useNarrow(px = NARROW_PX): Ref<boolean> {
  const query = window.matchMedia(`(max-width: ${px - 1}px)`)
  const narrow = ref(query.matches)
  const onChange = (e: MediaQueryListEvent) => (narrow.value = e.matches)
  query.addEventListener('change', onChange)
  onBeforeUnmount(() => query.removeEventListener('change', onChange))
  return narrow
}
