import { h, nextTick } from 'vue'
import { NButton, useDialog, useNotification } from 'naive-ui'
import { useI18n } from 'vue-i18n'
import { errorText } from '../lib/errorText'

const TOAST_MS = 5000

/** Seed 000's confirmations (centred) and toasts (top-right, 5 s), with the testids e2e uses. */
export function useFeedback() {
  const dialog = useDialog()
  const notification = useNotification()
  const { t } = useI18n()

  function toast(text: string, type: 'success' | 'error' = 'success'): void {
    notification.create({
      type,
      title: text,
      // Screen readers announce it, and tests find it by role (UI.md).
      content: () => h('span', { role: type === 'error' ? 'alert' : 'status', 'data-testid': 'toast', class: 'sr-only' }, text),
      duration: type === 'success' ? TOAST_MS : 8000,
      keepAliveOnHover: true,
      // Plain text only: nothing here is ever HTML.
    })
  }

  function fail(err: unknown): void {
    toast(errorText(err), 'error')
  }

  /**
   * A centred confirmation. `action` runs on Confirm; while it runs the button spins,
   * and the dialog stays open if it throws (the error is toasted).
   */
  function confirm(opts: {
    title: string
    text: string
    danger?: boolean
    positiveText?: string
    negativeText?: string
    /** A way out offered under the text (Delete's "Export its history instead"). */
    link?: { text: string; testid: string; run: () => void }
    action: () => Promise<void>
  }): void {
    dialog.create({
      type: opts.danger ? 'error' : 'warning',
      title: opts.title,
      content: () =>
        h('div', { 'data-testid': 'confirm-dialog' }, [
          opts.text,
          opts.link ? h('div', { style: 'margin-top: 8px' }, h(NButton, { text: true, type: 'primary', 'data-testid': opts.link.testid, onClick: opts.link.run }, () => opts.link!.text)) : null,
        ]),
      positiveText: opts.positiveText ?? t('common.confirm'),
      negativeText: opts.negativeText ?? t('common.cancel'),
      positiveButtonProps: { 'data-testid': 'confirm-ok' } as Record<string, string>,
      negativeButtonProps: { 'data-testid': 'confirm-cancel' } as Record<string, string>,
      closeFocusable: true,
      // The focus trap would start on the first button (Cancel); Enter should confirm.
      autoFocus: false,
      onAfterEnter: focusConfirm,
      onPositiveClick: async () => {
        try {
          await opts.action()
          return true
        } catch (err) {
          fail(err)
          return false
        }
      },
    })
    void nextTick(focusConfirm)
  }

  return { toast, fail, confirm }
}

/** The newest dialog's Confirm button (an older one may still be fading out). */
function focusConfirm(): void {
  const buttons = document.querySelectorAll<HTMLElement>('[data-testid="confirm-ok"]')
  buttons[buttons.length - 1]?.focus()
}
