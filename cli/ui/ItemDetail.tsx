import React from 'react';
import { Box, Text } from 'ink';
import type { ItemResult } from '../../src/audit/result.ts';
import { STATUS_COLOR, STATUS_MARK, labelsFor, type Lang } from './labels.ts';
import { displayUrl, itemTitle, statusCell } from './gap-table.ts';
import { sanitizeForTerminal, truncateMiddle, truncateToWidth, wrapToWidth } from './width.ts';

export interface ItemDetailProps {
  item: ItemResult;
  lang: Lang;
  width: number;
  color: boolean;
  /** at most this many lines of components/evidence (the rest is summarised) */
  maxListed?: number;
}

const MAX_SNIPPET = 300;

function Wrapped({ text, width, indent = 0, dim }: { text: string; width: number; indent?: number; dim?: boolean }): React.ReactElement {
  const pad = ' '.repeat(indent);
  return (
    <>
      {wrapToWidth(sanitizeForTerminal(text), Math.max(10, width - indent)).map((line, i) => (
        <Text key={i} dimColor={dim}>{pad + line}</Text>
      ))}
    </>
  );
}

export function ItemDetail({ item, lang, width, color, maxListed = 12 }: ItemDetailProps): React.ReactElement {
  const l = labelsFor(lang);
  const header = `${sanitizeForTerminal(item.id)}  ${itemTitle(item, lang)}`;
  const facts = [`${l.confidence} ${Math.round(item.confidence * 100)}%`];
  if (item.window) facts.push(`${l.window}: ${item.window}`);
  const components = item.components.slice(0, maxListed);
  const evidence = item.evidence.slice(0, Math.max(1, Math.floor(maxListed / 2)));
  return (
    <Box flexDirection="column">
      <Text bold>{truncateToWidth(header, width)}</Text>
      <Text>
        <Text color={color ? STATUS_COLOR[item.status] : undefined} bold>{statusCell(item.status, lang)}</Text>
        {truncateToWidth(` · ${facts.join(' · ')}`, Math.max(0, width - 14))}
      </Text>
      {item.unconfirmed ? <Text color={color ? 'yellow' : undefined}>{truncateToWidth(`! ${l.unconfirmed}`, width)}</Text> : null}
      <Box flexDirection="column" marginTop={1}>
        <Text bold>{l.reason}</Text>
        <Wrapped text={item.reason[lang] || item.reason.en} width={width} indent={2} />
        {item.status !== 'pass' ? (
          <>
            <Text bold>{l.fix}</Text>
            <Wrapped text={item.fix[lang] || item.fix.en} width={width} indent={2} />
          </>
        ) : null}
      </Box>
      <Box flexDirection="column" marginTop={1}>
        <Text bold>{`${l.components} (${item.components.length})`}</Text>
        {components.map((c) => (
          <Box key={c.id} flexDirection="column">
            <Text>
              {'  '}
              <Text color={color ? STATUS_COLOR[c.status] : undefined}>{STATUS_MARK[c.status]}</Text>
              {truncateToWidth(` ${sanitizeForTerminal(c.text[lang] || c.text.en)}`, width - 3)}
            </Text>
            <Wrapped text={c.detail[lang] || c.detail.en} width={width} indent={4} dim />
            {c.url ? <Text dimColor>{truncateMiddle(`    ${displayUrl(c.url)}`, width)}</Text> : null}
          </Box>
        ))}
        {item.components.length > components.length ? <Text dimColor>{`  … +${item.components.length - components.length}`}</Text> : null}
      </Box>
      <Box flexDirection="column" marginTop={1}>
        <Text bold>{`${l.evidence} (${item.evidence.length})`}</Text>
        {item.evidence.length === 0 ? <Text dimColor>{`  ${l.noEvidence}`}</Text> : null}
        {evidence.map((e, i) => (
          <Box key={`${i}-${e.url}`} flexDirection="column">
            <Text color={color && i === 0 ? 'blue' : undefined}>{truncateMiddle(`  ${i + 1}. ${displayUrl(e.url)}`, width)}</Text>
            <Text dimColor>
              {truncateMiddle(`     ${e.matchedBy}${e.foundOn ? ` · ${l.foundOn} ${displayUrl(e.foundOn)}` : ''}`, width)}
            </Text>
            {e.snippet ? <Wrapped text={`“${sanitizeForTerminal(e.snippet).slice(0, MAX_SNIPPET)}”`} width={width} indent={5} dim /> : null}
          </Box>
        ))}
        {item.evidence.length > evidence.length ? <Text dimColor>{`  … +${item.evidence.length - evidence.length}`}</Text> : null}
      </Box>
      {item.note ? (
        <Box flexDirection="column" marginTop={1}>
          <Text bold>{l.note}</Text>
          <Wrapped text={item.note} width={width} indent={2} />
        </Box>
      ) : null}
    </Box>
  );
}
