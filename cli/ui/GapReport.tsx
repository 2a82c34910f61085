import React, { useReducer } from 'react';
import { Box, Text, useInput } from 'ink';
import type { AuditResult, ItemResult } from '../../src/audit/result.ts';
import { GAP_FILTERS, STATUS_COLOR, labelsFor, type GapFilter, type Lang } from './labels.ts';
import { COLUMN_GAP, filterItems, formatScore, gapColumns, gapHeaderCells, gapRowCells, groupLines, MIN_TABLE_WIDTH } from './gap-table.ts';
import { ItemDetail } from './ItemDetail.tsx';
import { openCommand } from './open-command.ts';
import { textBar } from './progress-state.ts';
import { displayWidth, fitToWidth, padStartToWidth, sanitizeForTerminal, truncateMiddle, truncateToWidth } from './width.ts';

export interface GapReportProps {
  result: AuditResult;
  lang: Lang;
  width: number;
  /** terminal rows; the interactive table scrolls to fit. Undefined: show every row */
  height?: number;
  color: boolean;
  /** listen to keys (false in CI and for the final frame of a non-interactive run) */
  interactive: boolean;
  reportDir?: string;
  files?: string[];
  platform?: NodeJS.Platform;
  onQuit?: () => void;
}

function GroupBars({ result, lang, width, color }: { result: AuditResult; lang: Lang; width: number; color: boolean }): React.ReactElement | null {
  const groups = groupLines(result, lang);
  if (groups.length === 0) return null;
  const barWidth = width >= 100 ? 30 : 16;
  const tail = (g: (typeof groups)[number]): string => `${padStartToWidth(`${Math.round(g.score)}%`, 4)} ${g.passed}/${g.items}`;
  const tailWidth = Math.max(...groups.map((g) => displayWidth(tail(g))));
  const titleWidth = Math.max(8, Math.min(Math.max(...groups.map((g) => displayWidth(g.title))), width - 2 - barWidth - tailWidth - 4));
  return (
    <Box flexDirection="column">
      {groups.map((g, i) => (
        <Text key={i}>
          {`  ${fitToWidth(g.title, titleWidth)}  `}
          <Text color={color ? (g.score >= 100 ? 'green' : g.score > 0 ? 'yellow' : 'red') : undefined}>{textBar(g.score / 100, barWidth)}</Text>
          {`  ${tail(g)}`}
        </Text>
      ))}
    </Box>
  );
}

export interface GapUiState {
  filter: GapFilter;
  selected: number;
  view: 'table' | 'detail';
  /** id of the item whose open command is shown */
  openFor: string | null;
}

export interface GapKey {
  input: string;
  up?: boolean;
  down?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
  enter?: boolean;
  back?: boolean;
}

/** the report's navigation as a pure function of the state and one key */
export function reduceGapKeys(state: GapUiState, key: GapKey, allItems: readonly ItemResult[]): GapUiState {
  const items = filterItems(allItems, state.filter);
  const last = Math.max(0, items.length - 1);
  const sel = Math.min(state.selected, last);
  if (key.input === 'o') return { ...state, openFor: items[sel]?.id ?? null };
  if (state.view === 'detail') {
    return key.back ? { ...state, view: 'table', openFor: null } : state;
  }
  const next = { ...state, openFor: null };
  if (key.down || key.input === 'j') return { ...next, selected: Math.min(sel + 1, last) };
  if (key.up || key.input === 'k') return { ...next, selected: Math.max(0, sel - 1) };
  if (key.pageDown) return { ...next, selected: Math.min(sel + 10, last) };
  if (key.pageUp) return { ...next, selected: Math.max(0, sel - 10) };
  if (key.home || key.input === 'g') return { ...next, selected: 0 };
  if (key.end || key.input === 'G') return { ...next, selected: last };
  if (key.enter && items[sel]) return { ...next, view: 'detail', selected: sel };
  if (key.input === 'f') return { ...next, filter: GAP_FILTERS[(GAP_FILTERS.indexOf(state.filter) + 1) % GAP_FILTERS.length]!, selected: 0 };
  return state;
}

export function GapReport(props: GapReportProps): React.ReactElement {
  const { result, lang, color, interactive, reportDir, files = [], platform, onQuit } = props;
  const width = Math.max(MIN_TABLE_WIDTH, props.width);
  const l = labelsFor(lang);
  // a reducer, not separate states: keys can arrive faster than Ink re-subscribes the handler
  const [ui, dispatch] = useReducer(
    (state: GapUiState, key: GapKey) => reduceGapKeys(state, key, result.items),
    { filter: 'all', selected: 0, view: 'table', openFor: null } satisfies GapUiState,
  );
  const { filter, view } = ui;
  const items = filterItems(result.items, filter);
  const selected = Math.min(ui.selected, Math.max(0, items.length - 1));
  const current = items[selected];

  let message: string[] | null = null;
  if (ui.openFor !== null) {
    const target = result.items.find((i) => i.id === ui.openFor);
    const url = target?.evidence[0]?.url ?? target?.submitUrls[0];
    message = url ? [l.openHint, openCommand(url, platform)] : [l.noEvidence];
  }

  useInput(
    (input, key) => {
      if (input === 'q' || (key.ctrl && input === 'c')) {
        onQuit?.();
        return;
      }
      dispatch({
        input,
        up: key.upArrow,
        down: key.downArrow,
        pageUp: key.pageUp,
        pageDown: key.pageDown,
        home: key.home,
        end: key.end,
        enter: key.return,
        back: key.escape || key.backspace || key.delete || key.leftArrow,
      });
    },
    { isActive: interactive },
  );

  const footer = (
    <Box flexDirection="column" marginTop={1}>
      {/* the open command is shown whole (wrapped), so it can be copied */}
      {message?.map((line, i) => (
        <Text key={i} color={color && i > 0 ? 'cyan' : undefined}>{line}</Text>
      ))}
      {interactive ? <Text dimColor>{truncateToWidth(view === 'detail' ? l.keysDetail : l.keysReport, width)}</Text> : null}
      {reportDir ? <Text>{truncateMiddle(`${l.reportsWritten}: ${sanitizeForTerminal(reportDir)}`, width)}</Text> : null}
      {view === 'table' && !interactive
        ? files.map((f) => <Text key={f} dimColor>{truncateMiddle(`  ${sanitizeForTerminal(f)}`, width)}</Text>)
        : null}
    </Box>
  );

  if (view === 'detail' && current) {
    return (
      <Box flexDirection="column">
        <ItemDetail item={current} lang={lang} width={width} color={color} />
        {footer}
      </Box>
    );
  }

  const cols = gapColumns(result.items, width, lang);
  const head = gapHeaderCells(cols, lang);
  const groupCount = result.groups.length;
  const fixedLines = 1 + (result.complete ? 0 : 1) + (groupCount ? groupCount + 2 : 0) + 3 + 4 + (message ? message.length : 0);
  const visible = props.height === undefined || !interactive ? items.length : Math.max(3, props.height - fixedLines);
  const sel = selected;
  const start = Math.min(Math.max(0, sel - Math.floor(visible / 2)), Math.max(0, items.length - visible));
  const shown = items.slice(start, start + visible);
  const filterLine =
    `${l.filter}: ${l.filters[filter]} (${items.length}/${result.items.length})` +
    (shown.length < items.length ? ` · ${start + 1}–${start + shown.length}` : '');

  return (
    <Box flexDirection="column">
      <Text bold>{truncateToWidth(`${l.score} ${formatScore(result.score.total)}/100 · ${l.passedOf(result.score.passed, result.score.items)}`, width)}</Text>
      {!result.complete ? <Text color={color ? 'yellow' : undefined}>{truncateToWidth(l.incomplete, width)}</Text> : null}
      {groupCount ? (
        <Box flexDirection="column" marginTop={1}>
          <Text bold>{l.groups}</Text>
          <GroupBars result={result} lang={lang} width={width} color={color} />
        </Box>
      ) : null}
      <Box flexDirection="column" marginTop={1}>
        <Text dimColor>{truncateToWidth(filterLine, width)}</Text>
        <Text bold>{(' '.repeat(cols.marker) + [head.id, head.status, head.title, head.evidence].join(COLUMN_GAP)).trimEnd()}</Text>
        {shown.length === 0 ? <Text dimColor>{`  ${l.noItems}`}</Text> : null}
        {shown.map((item, i) => {
          const isSelected = interactive && start + i === sel;
          const cells = gapRowCells(item, cols, lang);
          return (
            <Text key={item.id} bold={isSelected} inverse={isSelected && color}>
              {isSelected ? '› ' : '  '}
              {cells.id}
              {COLUMN_GAP}
              <Text color={color ? STATUS_COLOR[item.status] : undefined}>{cells.status}</Text>
              {COLUMN_GAP}
              {cells.title}
              {COLUMN_GAP}
              {cells.evidence.trimEnd()}
            </Text>
          );
        })}
      </Box>
      {footer}
    </Box>
  );
}
