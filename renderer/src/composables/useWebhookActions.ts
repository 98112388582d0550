import { useI18n } from 'vue-i18n'
import { useRouter } from 'vue-router'
import type { Webhook } from '@contract'
import { call } from '../api/client'
import { exportLog } from '../api/files'
import { useTestDialogStore } from '../stores/testDialog'
import { useWebhookDialogStore } from '../stores/webhookDialog'
import { useWebhooksStore } from '../stores/webhooks'
import { useFeedback } from './useFeedback'

export type RowAction = 'edit' | 'test' | 'ping' | 'enable' | 'disable' | 'delete' | 'log'

/** What each ⋯ menu entry and each bulk button does. */
export function useWebhookActions() {
  const { t } = useI18n()
  const store = useWebhooksStore()
  const router = useRouter()
  const dialog = useWebhookDialogStore()
  const testDialog = useTestDialogStore()
  const { toast, confirm, fail } = useFeedback()

  /** Seed 000's own words for one webhook; a count when there are several. */
  function counted(what: 'enabled' | 'disabled' | 'deleted', n: number): string {
    return n === 1 ? t(`feedback.${what}`) : t(`feedback.${what}Many`, { n })
  }

  function setStatus(ids: number[], next: 'enabled' | 'disabled', text: string): void {
    confirm({
      title: t(next === 'enabled' ? 'confirm.enableTitle' : 'confirm.disableTitle'),
      text,
      action: async () => {
        await store.setWebhookStatus(ids, next)
        toast(counted(next === 'enabled' ? 'enabled' : 'disabled', ids.length))
      },
    })
  }

  function remove(ids: number[], text: string): void {
    confirm({
      title: t('confirm.deleteTitle'),
      text,
      danger: true,
      // SPEC §8: Delete suggests keeping the history; for one webhook, one click exports it.
      link: ids.length === 1 ? { text: t('confirm.exportInstead'), testid: 'confirm-export', run: () => void exportLog({ webhook_id: ids[0] }, 'ndjson').catch(fail) } : undefined,
      action: async () => {
        await store.remove(ids)
        toast(counted('deleted', ids.length))
      },
    })
  }

  function run(action: RowAction, row: Webhook): void {
    const name = row.name || `#${row.id}`
    switch (action) {
      case 'edit':
        return dialog.openEdit(row.id)
      case 'test':
        return testDialog.open(row.id)
      case 'ping':
        return void ping(row.id)
      case 'log':
        // Seed 000's "View event log": the log, filtered to this webhook.
        return void router.push({ name: 'log', query: { webhook: String(row.id) } })
      case 'enable':
        return setStatus([row.id], 'enabled', t('confirm.enableText', { name }))
      case 'disable':
        return setStatus([row.id], 'disabled', t('confirm.disableText', { name }))
      case 'delete':
        return remove([row.id], t('confirm.deleteText', { name }))
    }
  }

  /** Ping on demand; the core answers after the first attempt, and the row's tag follows by push. */
  async function ping(id: number): Promise<void> {
    try {
      const d = await call('webhooks.ping', { id })
      const code = d.last_status_code
      if (d.status === 'succeeded') toast(t('ping.ok', { code }))
      else if (code !== null) toast(t('ping.failedStatus', { code }), 'error')
      else toast(t('ping.failedClass', { what: d.last_error_class ? t(`delivery.errorClass.${d.last_error_class}`) : t('common.none') }), 'error')
    } catch (err) {
      fail(err)
    }
  }

  function bulk(action: 'enable' | 'disable' | 'delete'): void {
    const ids = [...store.checked]
    if (ids.length === 0) return
    const n = ids.length
    if (action === 'delete') remove(ids, t('confirm.bulkDeleteText', { n }))
    else if (action === 'enable') setStatus(ids, 'enabled', t('confirm.bulkEnableText', { n }))
    else setStatus(ids, 'disabled', t('confirm.bulkDisableText', { n }))
  }

  return { run, bulk }
}
