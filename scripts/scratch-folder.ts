// `pnpm scratch NN`: the exercise once more, for students who finished early, with the server left to them
// from the first line: the solution's page, protocol types and README, and an empty server/.
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import type { Exercise } from './exercise-catalog';

/** The only file of the empty server/: it says where to start, and keeps `pnpm dev` running meanwhile. */
const PLACEHOLDER_SERVER = `// Your server, from scratch. SCRATCH.md says what it must do; pnpm dev restarts it whenever you save.
console.log('Nothing here yet: build your server in server/ (see SCRATCH.md).');
`;

/**
 * Creates `exercise.scratchDir`: everything of the solution but its server/, which holds only its tsconfig.json
 * and a placeholder index.ts. Throws when the folder exists: it holds the student's work.
 */
export function createScratchFolder(exercise: Exercise): string {
  const target = exercise.scratchDir;
  if (existsSync(target)) {
    throw new Error(
      `${path.basename(path.dirname(target))}/${exercise.name} exists already and holds your work. ` +
        'Delete that folder first to start from scratch once more.',
    );
  }
  mkdirSync(path.dirname(target), { recursive: true });
  const serverDir = path.join(exercise.solutionDir, 'server');
  cpSync(exercise.solutionDir, target, {
    recursive: true,
    filter: (source) =>
      !isInside(source, path.join(exercise.solutionDir, 'node_modules')) && !isInside(source, serverDir),
  });
  mkdirSync(path.join(target, 'server'));
  cpSync(path.join(serverDir, 'tsconfig.json'), path.join(target, 'server', 'tsconfig.json'));
  writeFileSync(path.join(target, 'server', 'index.ts'), PLACEHOLDER_SERVER);
  writeFileSync(path.join(target, 'package.json'), scratchManifest(exercise));
  writeFileSync(path.join(target, 'SCRATCH.md'), scratchGuide(exercise));
  // The starter's installed packages (express, ws, vite, tsx …), shared: no install needed, even offline.
  // A junction, because Windows allows those without administrator rights.
  symlinkSync(path.join(exercise.starterDir, 'node_modules'), path.join(target, 'node_modules'), 'junction');
  return target;
}

/** Removes a scratch folder (for tests; a student deletes theirs by hand). */
export function removeScratchFolder(exercise: Exercise): void {
  rmSync(exercise.scratchDir, { recursive: true, force: true });
  const parent = path.dirname(exercise.scratchDir);
  if (existsSync(parent) && readdirSync(parent).length === 0) rmSync(parent, { recursive: true });
}

/**
 * `pnpm dev` and `pnpm verify` for this copy. No dependencies: node_modules is the starter's, and the folder is
 * not part of the workspace, so pnpm must not try to install anything here.
 */
function scratchManifest(exercise: Exercise): string {
  const starter = JSON.parse(readFileSync(path.join(exercise.starterDir, 'package.json'), 'utf8')) as {
    workshop?: unknown;
  };
  const manifest = {
    name: `@realtime-workshop/scratch-${exercise.name}`,
    private: true,
    type: 'module',
    description: `Exercise ${exercise.number} from scratch: your own server/`,
    scripts: {
      dev: 'node --import tsx/esm ../../scripts/dev.ts',
      verify: `node --import tsx/esm ../../scripts/verify.ts ${exercise.number} --scratch`,
    },
    ...(starter.workshop ? { workshop: starter.workshop } : {}),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function scratchGuide(exercise: Exercise): string {
  const number = exercise.number;
  return `# Exercise ${number} from scratch

_Deutsch: unten._

The page, its client and the protocol types are done (they are the reference solution's). \`server/\` is empty:
build the server from the first line, with what README.md says about the endpoints, the messages and the
wire format (\`protocol/\` has the types of every message). Start with \`server/index.ts\`.

\`\`\`bash
pnpm dev ${number} --scratch    # at the root; or pnpm dev in this folder
pnpm verify ${number} --scratch --part 2
\`\`\`

The same checks as for the exercise decide; \`--part 2\` leaves out the client's, which pass already.

## Auf Deutsch

Die Seite, ihr Client und die Typen des Protokolls sind fertig (die der Musterlösung). \`server/\` ist leer: Bau den
Server ab der ersten Zeile, mit dem, was README.de.md über die Endpunkte, die Nachrichten und das Übertragungsformat
sagt (\`protocol/\` hat die Typen jeder Nachricht). Fang mit \`server/index.ts\` an.

\`\`\`bash
pnpm dev ${number} --scratch    # im Hauptordner; oder pnpm dev in diesem Ordner
pnpm verify ${number} --scratch --part 2
\`\`\`

Es entscheiden dieselben Prüfungen wie bei der Aufgabe; \`--part 2\` lässt die des Clients weg, die schon bestehen.
`;
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
