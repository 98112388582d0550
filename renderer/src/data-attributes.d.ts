// naive-ui's input-props / row-props / option props are typed as HTML attributes, which
// omit data-*; the e2e suite relies on data-testid there, so allow data-* everywhere.
export {}

declare module '@vue/runtime-dom' {
  interface HTMLAttributes {
    [key: `data-${string}`]: string | number | boolean | undefined
  }
}
