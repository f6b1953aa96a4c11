// The sequence diagrams in the decks' colours: accent for the lifelines' boxes, slate for text.
export default function mermaidSetup() {
  return {
    theme: 'base',
    themeVariables: {
      fontFamily: 'system-ui, "Segoe UI", Roboto, "Liberation Sans", sans-serif',
      fontSize: '16px',
      primaryColor: '#ccfbf1',
      primaryBorderColor: '#0f766e',
      primaryTextColor: '#0f172a',
      lineColor: '#334155',
      signalColor: '#334155',
      signalTextColor: '#0f172a',
      actorBkg: '#ccfbf1',
      actorBorder: '#0f766e',
      actorTextColor: '#0f172a',
      actorLineColor: '#94a3b8',
      noteBkgColor: '#fef9c3',
      noteBorderColor: '#ca8a04',
      noteTextColor: '#0f172a',
      activationBkgColor: '#99f6e4',
      activationBorderColor: '#0f766e',
    },
    // Compact rows: a diagram of ten steps has to fit under a slide title.
    sequence: {
      mirrorActors: false,
      height: 36,
      width: 130,
      actorMargin: 60,
      boxMargin: 6,
      messageMargin: 24,
      noteMargin: 6,
      messageFontSize: 15,
      noteFontSize: 14,
      actorFontSize: 15,
    },
  };
}
