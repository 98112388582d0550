// Sums the unit (vitest) and e2e (Playwright) JSON reports into the one line CI reads:
// "N passed, N failed" (", N skipped" when any were skipped). Exits 1 when a report is missing.
import { existsSync, readFileSync } from 'node:fs'

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null)
let passed = 0
let failed = 0
let skipped = 0
let missing = []

const unit = read('test-results/vitest.json')
if (unit) {
  passed += unit.numPassedTests
  failed += unit.numFailedTests
  skipped += unit.numPendingTests + (unit.numTodoTests ?? 0)
} else missing.push('unit (test-results/vitest.json)')

const e2e = read('test-results/e2e-report.json')
if (e2e) {
  passed += e2e.stats.expected + (e2e.stats.flaky ?? 0)
  failed += e2e.stats.unexpected
  skipped += e2e.stats.skipped
} else missing.push('e2e (test-results/e2e-report.json)')

if (missing.length > 0) console.log(`missing test reports: ${missing.join(', ')} — those runs did not finish`)
console.log(`${passed} passed, ${failed + missing.length} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(failed + missing.length > 0 ? 1 : 0)
