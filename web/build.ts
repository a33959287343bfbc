import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWeb } from './build-web';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const result = await buildWeb({ root, outdir: path.join(root, 'web/dist') });
console.log(`Built web app: ${result.entry.js}`);
