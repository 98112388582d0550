/**
 * Performance marks that `npm run bench:ui` and the CI performance test read from the page
 * (performance.getEntriesByName). `log:first-page` is measured from navigation start;
 * a filter's time is the `log:filter` measure, from the user's change to the rows rendered.
 */
let filterPending = false
let firstPageMarked = false

export function markFilterStart(): void {
  performance.clearMarks('log:filter-start')
  performance.mark('log:filter-start')
  filterPending = true
}

/** A first page has rendered: the page's first one, or the answer to a filter change. */
export function markPageRendered(): void {
  if (!firstPageMarked) {
    firstPageMarked = true
    performance.mark('log:first-page')
    return
  }
  if (!filterPending) return
  filterPending = false
  performance.clearMarks('log:filter-rendered')
  performance.clearMeasures('log:filter')
  performance.mark('log:filter-rendered')
  performance.measure('log:filter', 'log:filter-start', 'log:filter-rendered')
}
