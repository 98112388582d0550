import { use } from 'echarts/core'
import { BarChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

/**
 * The only parts of ECharts the dashboard uses, registered once: importing `echarts/core`
 * piece by piece keeps the rest of the library out of the bundle. Tooltips are drawn on
 * the canvas (`renderMode: 'richText'`), never as HTML, since webhook names can come from
 * an imported file.
 */
use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

/** UI.md's colours: succeeded = success, retrying = warning, failed = error, pending/cancelled = default. */
export const OUTCOME_COLOURS = {
  succeeded: '#18a058',
  failed: '#d03050',
  retrying: '#f0a020',
  pending: '#909399',
  cancelled: '#c0c4cc',
} as const
