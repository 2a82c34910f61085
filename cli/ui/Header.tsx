import React from 'react';
import { Box, Text } from 'ink';
import { TOOL_NAME, TOOL_VERSION } from '../../src/version.ts';
import { labelsFor, type Lang } from './labels.ts';
import { sanitizeForTerminal, truncateToWidth } from './width.ts';

export interface HeaderProps {
  site: string;
  checklistTitle: string;
  fiscalYear: number;
  render: 'never' | 'auto' | 'always';
  lang: Lang;
  width: number;
  color: boolean;
}

export function Header({ site, checklistTitle, fiscalYear, render, lang, width, color }: HeaderProps): React.ReactElement {
  const l = labelsFor(lang);
  const line2 = `${l.site}: ${sanitizeForTerminal(site)}`;
  const line3 = `${l.checklist}: ${sanitizeForTerminal(checklistTitle)} · ${l.fiscalYear} ${fiscalYear} · ${l.render}: ${render}`;
  return (
    <Box flexDirection="column">
      <Text bold color={color ? 'blue' : undefined}>{truncateToWidth(`${TOOL_NAME} ${TOOL_VERSION}`, width)}</Text>
      <Text>{truncateToWidth(line2, width)}</Text>
      <Text>{truncateToWidth(line3, width)}</Text>
    </Box>
  );
}
