/**
 * The UI every exercise shares. Your code only calls these functions; they render into the
 * `<div data-ui="…">` containers of index.html. Import '@realtime-workshop/shared-ui/page' for the styles.
 */
export type { ChatSubmission } from './chat';
export { appendMessage, setFormDisabledState, setOnSubmit } from './chat';
export type { ConnectionState } from './connection-status';
export { setConnectionStatus } from './connection-status';
export { addToTable, resetTable } from './notification-table';
export type { NotificationView } from './notification-view';
export { flashNotification, updateFlashNotification } from './toasts';
