import { describe, expect, it } from 'vitest';
import { CLASS_ROUTES } from './class-routes';
import { chooseLanguage, renderStartPage } from './class-start-page';

describe('renderStartPage', () => {
  it('shows the join command with the address the device used, and every path', () => {
    const html = renderStartPage({
      classUrl: 'http://192.168.1.20:8000',
      routes: CLASS_ROUTES,
      language: 'en',
      qrSvg: '<svg id="qr"></svg>',
      boardUrl: 'http://192.168.1.20:8000/05/',
      voteUrl: 'http://192.168.1.20:8000/poll/vote',
    });
    expect(html).toContain('pnpm dev 04 --class http://192.168.1.20:8000');
    expect(html).toContain('<a href="http://192.168.1.20:8000/poll/vote" data-ui="vote-link">');
    expect(html).toContain('WORKSHOP_CLASS=http://192.168.1.20:8000');
    for (const route of CLASS_ROUTES) expect(html).toContain(`<code>${route.prefix}</code>`);
    expect(html).toContain('<svg id="qr"></svg>');
    expect(html).toContain('<a href="http://192.168.1.20:8000/05/" data-ui="board-link">');
  });

  it('escapes a Host header that carries markup', () => {
    const html = renderStartPage({
      classUrl: 'http://evil"><script>alert(1)</script>',
      routes: CLASS_ROUTES,
      language: 'en',
      qrSvg: '',
      boardUrl: 'http://h:8000/05/',
    });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });

  it('speaks German when asked', () => {
    const html = renderStartPage({
      classUrl: 'http://h:8000',
      routes: CLASS_ROUTES,
      language: 'de',
      qrSvg: '',
      boardUrl: 'http://h:8000/05/',
    });
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('Klassen-Server');
  });
});

describe('chooseLanguage', () => {
  it('follows ?lang= first, then the browser’s first language', () => {
    expect(chooseLanguage('de-DE,de;q=0.9', 'lang=en')).toBe('en');
    expect(chooseLanguage('de-DE,de;q=0.9,en;q=0.8', '')).toBe('de');
    expect(chooseLanguage('en-US,de;q=0.5', '')).toBe('en');
    expect(chooseLanguage(undefined, '')).toBe('en');
  });
});
