import { findPart, getRenderedContainer } from './containers';
import { createElement } from './dom';
import { localized } from './language';

const TEXT = {
  en: { online: (count: number) => `${count} online`, you: '(you)' },
  de: { online: (count: number) => `${count} online`, you: '(du)' },
};

/** Someone who is online, as the presence list shows them. */
export interface MemberView {
  id: string;
  name: string;
}

/** Builds the presence card: "0 online" and an empty list. */
export function renderPresence(container: HTMLElement): void {
  const card = createElement('section', { className: 'card presence' });
  card.append(
    createElement('h2', { className: 'card-title presence-title', text: localized(TEXT).online(0) }),
    createElement('ul', { className: 'presence-list' }),
  );
  container.append(card);
}

/**
 * Shows who is online: "3 online" and their names, you first and marked "(you)".
 * Pass each member once (someone with two tabs open is still one person); `yourId` is your member id.
 */
export function setPresence(members: MemberView[], yourId?: string): void {
  const presence = getRenderedContainer('presence', renderPresence);
  findPart(presence, '.presence-title').textContent = localized(TEXT).online(members.length);

  const you = members.filter((member) => member.id === yourId);
  const others = members.filter((member) => member.id !== yourId);
  findPart(presence, '.presence-list').replaceChildren(
    ...you.map((member) => createMemberItem(member, true)),
    ...others.map((member) => createMemberItem(member, false)),
  );
}

function createMemberItem(member: MemberView, isYou: boolean): HTMLLIElement {
  // The initial is drawn by CSS from data-initial, so the item's text stays exactly "Ada" or "Ada (you)".
  const avatar = createElement('span', { className: 'presence-avatar' });
  avatar.dataset.initial = initial(member.name);
  avatar.setAttribute('aria-hidden', 'true'); // decoration: the name follows
  avatar.style.setProperty('--avatar-hue', String(hue(member.id)));

  const item = createElement('li', { className: 'presence-member' });
  item.dataset.id = member.id;
  item.append(avatar, createElement('span', { className: 'presence-name', text: member.name }));
  if (isYou) {
    item.classList.add('is-you');
    // A text node with a leading space, so the item reads "Ada (you)" to screen readers and in tests.
    item.append(' ', createElement('span', { className: 'presence-you', text: localized(TEXT).you }));
  }
  return item;
}

/** The first letter (a whole emoji or accented letter, not half of one), upper-cased. */
function initial(name: string): string {
  const [first = '?'] = Array.from(name.trim());
  return first.toLocaleUpperCase();
}

/** A colour per member that stays the same on every page: a hash of the id, as a hue from 0 to 359. */
function hue(id: string): number {
  let hash = 0;
  for (const character of id) hash = (hash * 31 + (character.codePointAt(0) ?? 0)) % 360;
  return hash;
}
