/**
 * Toasts without sonner on the first load: the library is fetched on first use (and by the lazy
 * Toaster). Sonner replays toasts created before its Toaster subscribes, so none are lost.
 */
type Options = { id?: string | number; description?: string }

const load = () => import('sonner')

export const notify = {
  success(message: string, options?: Options) {
    void load().then(({ toast }) => toast.success(message, options))
  },
  error(message: string, options?: Options) {
    void load().then(({ toast }) => toast.error(message, options))
  },
}
