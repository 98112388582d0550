/// <reference types="vite/client" />

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

interface Window {
  /** What the sandboxed preload exposes (declared once, in the contract). */
  hooklab?: import('@contract/bridge').HooklabBridge
}
