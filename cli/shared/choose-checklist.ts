import { listChecklists, loadChecklist } from '../../src/checklist/registry.ts';
import type { Checklist } from '../../src/checklist/schema.ts';
import { UserError } from '../../src/util/errors.ts';

/**
 * The checklist to audit with: the one asked for, else the NACC ITA checklist written for the
 * audited fiscal year or the newest one before it (frameworks change between years).
 */
export async function chooseChecklist(requested: string | undefined, fiscalYear: number): Promise<{ checklist: Checklist; warning?: string }> {
  if (requested) return { checklist: await loadChecklist(requested) };
  const ita = (await listChecklists()).map((c) => c.checklist).filter((c) => c.framework.toUpperCase() === 'ITA');
  if (ita.length === 0) throw new UserError('no ITA checklist found in checklists/; pass --checklist <id|file>');
  const sorted = [...ita].sort((a, b) => b.fiscalYear - a.fiscalYear);
  const checklist = sorted.find((c) => c.fiscalYear <= fiscalYear) ?? sorted[sorted.length - 1]!;
  const notes: string[] = [];
  if (checklist.fiscalYear !== fiscalYear) notes.push(`no checklist for FY${fiscalYear}; using ${checklist.id} (FY${checklist.fiscalYear})`);
  if (checklist.status === 'draft') notes.push(`${checklist.id} is a draft: some items are unconfirmed`);
  return { checklist, warning: notes.length ? `${notes.join('; ')}. Choose with --checklist.` : undefined };
}
