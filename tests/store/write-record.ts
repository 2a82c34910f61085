// Child process for the concurrent-writers test: records N audits into one store.
import { recordAudit } from '../../src/store/history.ts';
import { buildResult } from './build-result.ts';

const [dbPath, writer, countText] = process.argv.slice(2);
const count = Number(countText);
for (let i = 0; i < count; i++) {
  const result = buildResult(`writer${writer}.example.go.th`, [{ id: 'O1', status: i % 2 ? 'pass' : 'fail', urls: [`http://w/${writer}/${i}`] }]);
  await recordAudit(dbPath!, result, { reportDir: `reports/${writer}/${i}`, agencyName: `ผู้เขียน ${writer}`, time: new Date() });
}
