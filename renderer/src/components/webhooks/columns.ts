import { h } from 'vue'
import type { DataTableColumns } from 'naive-ui'
import type { Webhook } from '@contract'
import type { RowAction } from '../../composables/useWebhookActions'
import ActionsMenu from './ActionsMenu.vue'
import EventsCell from './EventsCell.vue'
import IdButton from './IdButton.vue'
import PingTag from './PingTag.vue'
import StatusTag from './StatusTag.vue'
import TimeCell from './TimeCell.vue'

type T = (key: string) => string

/**
 * Seed 000's columns, in its order. Widths fit the Vietnamese headers on one line; the URL
 * takes whatever is left, so it is cut only when the window really is too narrow.
 */
export const TABLE_MIN_WIDTH = 40 + 56 + 140 + 192 + 240 + 132 + 110 + 154 + 94

/** Cells render text only: nothing here is HTML. */
export function webhookColumns(t: T, onAction: (action: RowAction, row: Webhook) => void): DataTableColumns<Webhook> {
  return [
    { type: 'selection', fixed: 'left' },
    { key: 'id', title: t('columns.id'), width: 56, fixed: 'left', render: (row) => h(IdButton, { id: row.id }) },
    {
      key: 'name',
      title: t('columns.name'),
      width: 140,
      ellipsis: { tooltip: true },
      render: (row) => h('span', { 'data-testid': `webhook-name-${row.id}` }, row.name),
    },
    {
      key: 'status',
      title: t('columns.status'),
      width: 192,
      // The last ping sits under the status, small, so the row answers "is it reachable?" too.
      render: (row) =>
        h('div', { class: 'status-cell' }, [
          h(StatusTag, { id: row.id, status: row.status, reason: row.status_reason, disabledOn: row.disabled_on }),
          row.last_ping ? h(PingTag, { id: row.id, ping: row.last_ping }) : null,
        ]),
    },
    {
      key: 'address',
      title: t('columns.url'),
      minWidth: 240,
      ellipsis: { tooltip: true },
      render: (row) => h('span', { class: 'mono url', 'data-testid': `webhook-url-${row.id}` }, row.address),
    },
    {
      key: 'topics',
      title: t('columns.events'),
      width: 132,
      render: (row) => h(EventsCell, { id: row.id, topics: row.topics }),
    },
    {
      key: 'created_on',
      title: t('columns.created'),
      width: 110,
      render: (row) => h(TimeCell, { iso: row.created_on, testid: `webhook-created-${row.id}` }),
    },
    {
      key: 'modified_on',
      title: t('columns.modified'),
      width: 154,
      render: (row) => h(TimeCell, { iso: row.modified_on, testid: `webhook-modified-${row.id}` }),
    },
    {
      key: 'actions',
      title: t('columns.actions'),
      width: 94,
      align: 'center',
      fixed: 'right',
      render: (row) => h(ActionsMenu, { webhook: row, onAction: (action: RowAction) => onAction(action, row) }),
    },
  ]
}
