import React, { useSyncExternalStore } from 'react';
import { Box, useStdout } from 'ink';
import { GapReport } from './GapReport.tsx';
import { Header } from './Header.tsx';
import { ProgressView } from './ProgressView.tsx';
import type { Lang } from './labels.ts';
import type { ScanStore } from './scan-store.ts';

export interface ScanAppProps {
  store: ScanStore;
  site: string;
  checklistTitle: string;
  fiscalYear: number;
  render: 'never' | 'auto' | 'always';
  lang: Lang;
  color: boolean;
  interactive: boolean;
  onQuit: () => void;
  /** fixed size (tests); default: the terminal's */
  width?: number;
  height?: number;
}

/** the whole terminal UI of a scan: live progress, then the gap report */
export function ScanApp(props: ScanAppProps): React.ReactElement {
  const snapshot = useSyncExternalStore(props.store.subscribe, props.store.getSnapshot);
  const { stdout } = useStdout();
  const columns = props.width ?? (stdout.columns || 80);
  const width = Math.max(40, columns - 1);
  const height = props.height ?? stdout.rows;
  const header = (
    <Header
      site={props.site}
      checklistTitle={props.checklistTitle}
      fiscalYear={props.fiscalYear}
      render={props.render}
      lang={props.lang}
      width={width}
      color={props.color}
    />
  );
  if (snapshot.phase.kind === 'report') {
    return (
      <Box flexDirection="column">
        {props.interactive ? null : header}
        <GapReport
          result={snapshot.phase.result}
          reportDir={snapshot.phase.reportDir}
          files={snapshot.phase.files}
          lang={props.lang}
          width={width}
          height={height}
          color={props.color}
          interactive={props.interactive}
          onQuit={props.onQuit}
        />
      </Box>
    );
  }
  return (
    <Box flexDirection="column">
      {header}
      <Box marginTop={1}>
        <ProgressView state={snapshot.progress} now={snapshot.now} lang={props.lang} width={width} color={props.color} />
      </Box>
    </Box>
  );
}
