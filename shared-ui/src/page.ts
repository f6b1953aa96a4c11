/**
 * Import this once from each exercise's main script: `import '@realtime-workshop/shared-ui/page';`
 * It loads the styles and renders every `data-ui` container on the page right away,
 * so the page looks complete before the first message arrives.
 */
import './styles.css';
import { renderAlerts } from './alerts';
import { renderChat } from './chat';
import { renderConnectionStatus } from './connection-status';
import type { ContainerName, RenderFunction } from './containers';
import { CONTAINER_NAMES, findContainer, renderOnce } from './containers';
import { renderCountdown } from './countdown';
import { renderIdeas } from './ideas';
import { renderInstructorPanel } from './instructor-panel';
import { renderJoinForm } from './join-form';
import { pageLanguage } from './language';
import { renderNotificationTable } from './notification-table';
import { renderPresence } from './presence';
import { renderToasts } from './toasts';

// A Record forces us to list a render function for every container name: TypeScript complains if one is missing.
const RENDERERS: Record<ContainerName, RenderFunction> = {
  'connection-status': renderConnectionStatus,
  'notification-table': renderNotificationTable,
  toasts: renderToasts,
  chat: renderChat,
  join: renderJoinForm,
  ideas: renderIdeas,
  presence: renderPresence,
  countdown: renderCountdown,
  alerts: renderAlerts,
  instructor: renderInstructorPanel,
};

function renderPage(): void {
  // The CSS shows the page's own `lang="en"` or `lang="de"` texts (task cards) by this attribute.
  document.documentElement.lang = pageLanguage();
  for (const name of CONTAINER_NAMES) {
    const container = findContainer(name);
    if (container) renderOnce(container, RENDERERS[name]);
  }
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', renderPage, { once: true });
} else {
  renderPage();
}
