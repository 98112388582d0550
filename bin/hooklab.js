#!/usr/bin/env node
// The `hooklab` command runs the built CLI; `npm ci` builds it (prepare).
import('../out/main/cli.js').catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND') {
    console.error('hooklab: the build is missing (out/main/cli.js). Run `npm run build` first.')
    process.exit(1)
  }
  throw err
})
