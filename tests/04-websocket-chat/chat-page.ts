import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';

/** One message as the page shows it. */
export interface ShownMessage {
  username: string;
  message: string;
  /** The `datetime` of its `<time>`: the timestamp the page was given, as ISO 8601. */
  timestamp: string;
}

/** How the specs find things on the chat page (the shared UI's markup, see shared-ui/src/chat.ts). */
export function chatPage(page: Page) {
  const chat = page.locator('[data-ui="chat"]');
  const messages = chat.locator('.chat-message');
  return {
    page,
    status: page.locator('[data-ui="connection-status"]'),
    log: chat.getByRole('log'),
    messages,
    messageWithText: (text: string): Locator => messages.filter({ hasText: text }),
    /** The form's controls; setFormDisabledState switches them all (their fieldset) at once. */
    sendButton: chat.getByRole('button', { name: 'Send' }),
    messageInput: chat.locator('input[name="message"]'),

    /** Types into the form and presses Send, like a user. */
    async send(username: string, message: string): Promise<void> {
      await chat.locator('input[name="username"]').fill(username);
      await chat.locator('input[name="message"]').fill(message);
      await chat.getByRole('button', { name: 'Send' }).click();
    },

    /** Every message on the page that contains `text`, top to bottom. */
    shownWith(text: string): Promise<ShownMessage[]> {
      return messages.evaluateAll(
        (items, wanted) =>
          items
            .map((item) => ({
              username: item.querySelector('.chat-message-author')?.textContent ?? '',
              message: item.querySelector('.chat-message-text')?.textContent ?? '',
              timestamp: item.querySelector('time')?.getAttribute('datetime') ?? '',
            }))
            .filter((shown) => shown.message.includes(wanted)),
        text,
      );
    },
  };
}

export type ChatPage = ReturnType<typeof chatPage>;

/** A second (third, …) user: a browser context of its own, like another person's laptop. */
export async function openAnotherUser(
  browser: Browser,
  url: string,
  setUp?: (page: Page) => Promise<void>,
): Promise<{ context: BrowserContext; chat: ChatPage }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await setUp?.(page);
  await page.goto(url);
  return { context, chat: chatPage(page) };
}

let tagCount = 0;
/** A piece of text no other test uses, so assertions cannot match someone else's message. */
export function uniqueTag(): string {
  tagCount += 1;
  return `#${tagCount}-${Date.now().toString(36)}`;
}
