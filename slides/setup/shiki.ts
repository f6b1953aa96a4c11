// Only the languages our decks show: Slidev otherwise loads all of Shiki's ~200 grammars, which cost about
// 10 s at every start of `pnpm slides` and of every deck build. A code block in another language shows as
// plain text; add it here.
export default function shikiSetup() {
  return {
    themes: { dark: 'vitesse-dark', light: 'github-light-default' },
    langs: ['ts', 'js', 'json', 'bash', 'php', 'md', 'html', 'css', 'vue', 'yaml', 'diff'],
  };
}
