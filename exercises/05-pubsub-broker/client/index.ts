import type { IdeaView } from '@realtime-workshop/shared-ui';
import {
  addIdea,
  flashNotification,
  resetIdeas,
  setOnIdeaSubmit,
  setOnInstructorAction,
  setOnJoin,
  setPresence,
  setRound,
  showAlert,
  showJoined,
  showRetryCountdown,
} from '@realtime-workshop/shared-ui';
import type { BoardSnapshot, BrokerMessage, ChannelMessage, Idea } from '../protocol/messages';
import { AppApi, AppApiError } from './app-api';
import { BoardState } from './board-state';
import { connectToBroker, reconnectToBroker, resumeChannelFrom } from './broker-connection';
import { readBoardEvent } from './broker-message';
import { loadSession, saveSession } from './saved-session';
import { REFERENCE_APP, YOUR_APP } from './server-origins';

// 🐨 TODO 2.4: once your app backend publishes (Part 2), use YOUR_APP instead.
const APP_SERVER = REFERENCE_APP;
/** Who is online on the board: the presence of this channel. */
const PRESENCE_CHANNEL = 'ideas';
/** When the board cannot be loaded after a reload, try again after this long. */
const RETRY_DELAY_MS = 5_000;

const api = new AppApi(APP_SERVER);
const board = new BoardState();
/** Who this tab is; `undefined` until joined. Kept in sessionStorage, so a reload keeps the name. */
let session = loadSession();
/**
 * Set while `GET /api/board` runs after `history-lost` (one reload is enough for all channels): the board
 * events that arrive meanwhile, applied again on top of the reloaded board.
 */
let eventsDuringReload: ChannelMessage[] | undefined;

/** Snapshot first, then subscribe `since` its last event: nothing published in between is lost. */
async function openBoard(): Promise<void> {
  const snapshot = await api.board();
  showSnapshot(snapshot);
  showJoined();
  connectToBroker({
    channels: session?.channels ?? [],
    since: snapshot.lastEventId,
    fetchToken: () => withSession((sessionKey) => api.token(sessionKey)),
    onMessage: handleBrokerMessage,
  });
}

function handleBrokerMessage(message: BrokerMessage): void {
  switch (message.type) {
    case 'message':
      eventsDuringReload?.push(message);
      showBoardEvent(message);
      return;
    case 'subscribed':
      // Who is there right now (you included); join and leave messages keep it up to date.
      if (message.channel !== PRESENCE_CHANNEL) return;
      board.setPresence(message.presence);
      showPresence();
      return;
    case 'presence':
      if (message.channel !== PRESENCE_CHANNEL) return;
      if (message.action === 'join') board.joinPresence(message.entry);
      else board.leavePresence(message.entry);
      showPresence();
      return;
    case 'history-lost':
      // We were away longer than the broker's history reaches back: the app backend has the whole board.
      void reloadBoard(message.channel);
      return;
    case 'error':
      showBrokerError(message.message);
      return;
  }
}

function showBoardEvent(message: ChannelMessage): void {
  const boardEvent = readBoardEvent(message);
  switch (boardEvent?.event) {
    case 'idea.created':
      // The snapshot may already hold this idea: show it only once.
      if (board.addIdea(boardEvent.data)) addIdea(toIdeaView(boardEvent.data));
      return;
    case 'round.started':
      board.round = boardEvent.data;
      setRound(boardEvent.data, board.clockOffsetMs);
      return;
    case 'alert':
      showAlert({ id: boardEvent.data.id, text: boardEvent.data.text, time: boardEvent.data.sentAt });
      return;
  }
}

function showSnapshot(snapshot: BoardSnapshot): void {
  board.loadSnapshot(snapshot);
  resetIdeas(board.ideas.map(toIdeaView));
  setRound(board.round, board.clockOffsetMs);
}

function showPresence(): void {
  setPresence(board.members, session?.member.id);
}

function toIdeaView(idea: Idea): IdeaView {
  return { id: idea.id, text: idea.text, author: idea.author.name, time: idea.createdAt };
}

async function reloadBoard(lostChannel: string): Promise<void> {
  if (eventsDuringReload) return;
  const arrived: ChannelMessage[] = [];
  eventsDuringReload = arrived;
  try {
    const snapshot = await api.board();
    showSnapshot(snapshot);
    // The snapshot may be older than what arrived while we waited for it: apply that again, in order.
    for (const message of arrived) showBoardEvent(message);
    if (snapshot.lastEventId !== null) resumeChannelFrom(lostChannel, snapshot.lastEventId);
  } catch (error) {
    showBrokerError(`Could not reload the board: ${String(error)}`);
  } finally {
    eventsDuringReload = undefined;
  }
}

function showBrokerError(text: string): void {
  const time = new Date().toISOString();
  flashNotification({ id: `error-${time}`, title: 'Something went wrong', message: text, time });
}

/**
 * Calls the app backend with this tab's session key. A 401 means the backend forgot the session (it
 * restarted): join again under the same name and try once more.
 */
async function withSession<Answer>(request: (sessionKey: string) => Promise<Answer>): Promise<Answer> {
  if (!session) throw new Error('Join the board first.');
  try {
    return await request(session.sessionKey);
  } catch (error) {
    if (!(error instanceof AppApiError && error.status === 401)) throw error;
    session = await api.join(session.member.name);
    saveSession(session);
    reconnectToBroker(); // the open connection still carries the old member id: presence would miss "(you)"
    return request(session.sessionKey);
  }
}

/** After a reload the session is still there: go straight to the board, retrying while the backend is down. */
function resumeSession(): void {
  openBoard().catch((error: unknown) => {
    console.warn('Could not load the board:', error);
    showRetryCountdown('error', RETRY_DELAY_MS, 'board not loaded · retrying');
    setTimeout(resumeSession, RETRY_DELAY_MS);
  });
}

/** The instructor opens the page as …/#instructor: only then is the panel there. */
function showInstructorPanel(): void {
  if (window.location.hash !== '#instructor') return;
  setOnInstructorAction((action) =>
    action.type === 'round'
      ? api.startRound(action.key, action.phase)
      : api.sendAlert(action.key, action.text),
  );
}

setOnJoin(async (name) => {
  session = await api.join(name);
  saveSession(session);
  await openBoard(); // an error here shows under the join form
});

setOnIdeaSubmit((text) => withSession((sessionKey) => api.postIdea(sessionKey, text)));

showInstructorPanel();
window.addEventListener('hashchange', showInstructorPanel);

if (session) resumeSession();
