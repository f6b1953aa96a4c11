/**
 * The UI every exercise shares. Your code only calls these functions; they render into the
 * `<div data-ui="…">` containers of index.html. Import '@realtime-workshop/shared-ui/page' for the styles.
 */
export type { AlertView } from './alerts';
export { showAlert } from './alerts';
export type { ChatSubmission } from './chat';
export { appendMessage, removeMessages, setFormDisabledState, setOnSubmit } from './chat';
export type { ConnectionState } from './connection-status';
export { setConnectionStatus, showRetryCountdown } from './connection-status';
export type { RoundPhase, RoundView } from './countdown';
export { setRound } from './countdown';
export type { FormCallback } from './form-action';
export type { IdeaView } from './ideas';
export { addIdea, resetIdeas, setOnIdeaSubmit, showIdeaError } from './ideas';
export type { InstructorAction } from './instructor-panel';
export { setOnInstructorAction } from './instructor-panel';
export { setOnJoin, showJoined } from './join-form';
export { addToTable, resetTable } from './notification-table';
export type { NotificationView } from './notification-view';
export type { MemberView } from './presence';
export { setPresence } from './presence';
export { flashNotification, updateFlashNotification } from './toasts';
