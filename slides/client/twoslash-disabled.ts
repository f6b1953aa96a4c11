// Stands in for '@shikijs/vitepress-twoslash/client' (see vite.config.ts). The decks use no twoslash code
// blocks, and the real plugin logs "Failed to patch FloatingVue" on every page load with the floating-vue
// release Slidev 52 installs, which would hide real console errors in the browser tests.
export default {
  install(): void {},
};
