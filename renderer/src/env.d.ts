/// <reference types="vite/client" />

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

/** What the sandboxed preload exposes (DESIGN: named capabilities only). */
interface HooklabBridge {
  invoke(
    name: string,
    input: unknown,
    meta: { origin: string },
  ): Promise<{ ok: true; value: unknown } | { ok: false; error: import('@contract').SerializedError }>
  subscribe(event: string, fn: (payload: unknown) => void): () => void
}

interface Window {
  hooklab?: HooklabBridge
}
