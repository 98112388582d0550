import { resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import { contentSecurityPolicy } from './electron/core/security/csp'

/** index.html's CSP meta tag comes from the same module as the Electron and serve headers. */
const cspMeta: Plugin = {
  name: 'hooklab-csp-meta',
  transformIndexHtml: (html) => html.replace('%HOOKLAB_CSP%', contentSecurityPolicy({ kind: 'meta' })),
}

const alias = {
  '@core': resolve(import.meta.dirname, 'electron/core'),
  '@contract': resolve(import.meta.dirname, 'electron/core/contract'),
}

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      rolldownOptions: {
        // One main build, two programs: the Electron shell and the plain-Node CLI
        // (`hooklab serve`), which must never load 'electron'.
        input: {
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          cli: resolve(import.meta.dirname, 'electron/cli/index.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only 'electron': bundle everything else into it.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        // A sandboxed preload cannot be an ES module.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    resolve: { alias },
    plugins: [vue(), cspMeta],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      // electron-vite leaves bundles unminified; the renderer is also served over HTTP by `serve`.
      minify: true,
      rolldownOptions: { input: { index: resolve(import.meta.dirname, 'renderer/index.html') } },
    },
  },
})
