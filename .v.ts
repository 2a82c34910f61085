import { readFileSync } from 'node:fs';
import { validateChecklistText } from './src/checklist/loader.ts';
for (const f of process.argv.slice(2)) { const r = validateChecklistText(readFileSync(f,'utf8'), f); console.log(r.ok ? `${f}: ok ${r.checklist.items.length} items, ${r.checklist.items.reduce((n,i)=>n+i.components.length,0)} components` : r.errors.join('\n')); }
