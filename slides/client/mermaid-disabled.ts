// Stands in for mermaid (see vite.config.ts). The decks draw no mermaid diagrams, and bundling mermaid (with
// KaTeX and its dozens of diagram chunks) was most of each deck's build time.
const mermaidDisabled = {
  startOnLoad: false,
  initialize(): void {},
  render(): Promise<{ svg: string }> {
    return Promise.reject(
      new Error('The decks bundle no mermaid: add mermaid back in vite.config.ts first.'),
    );
  },
};

export default mermaidDisabled;
