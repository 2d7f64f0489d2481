import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import { useEntityCompliance } from '../../hooks/useEntityCompliance';
import { rulesRouteRef } from '../../routes';
import {
  hasSourceAnnotation,
  PROJECT_SLUG_ANNOTATION,
  SOURCE_LOCATION_ANNOTATION,
} from '../../utils/entitySource';
import { formatDateTime } from '../../utils/format';
import { ScoreHistoryChart } from '../common/ScoreHistoryChart';
import { FindingsList } from './FindingsList';
import { RescanButton } from './RescanButton';
import { ScoreSummary } from './ScoreSummary';

function useRulesPath(): string | undefined {
  try {
    // eslint-disable-next-line react-hooks/rules-of-hooks
    return useRouteRef(rulesRouteRef)();
  } catch {
    // The org page is not mounted in this app: rule ids are shown without links.
    return undefined;
  }
}

/** The entity tab: score, history and every rule's finding, with the states around them. */
export function EntityGoBuildPolicyContent() {
  const { entity } = useEntity();
  if (!hasSourceAnnotation(entity)) {
    return (
      <MissingAnnotationEmptyState
        annotation={[PROJECT_SLUG_ANNOTATION, SOURCE_LOCATION_ANNOTATION]}
      />
    );
  }
  return <ComplianceView entityRef={stringifyEntityRef(entity)} />;
}

function ComplianceView(props: { entityRef: string }) {
  const { entityRef } = props;
  const { value, loading, error, retry } = useEntityCompliance(entityRef);
  const rulesPath = useRulesPath();
  const rescan = <RescanButton entityRef={entityRef} onRequested={retry} />;

  if (loading && !value) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;

  const result = value?.result;
  const state = result?.state ?? 'never-scanned';
  const hasResult = Boolean(result && result.findings.length > 0);

  if (state === 'not-go') {
    return (
      <EmptyState
        missing="data"
        title="Not a Go repository"
        description="The repository has no go.mod, so the Go build policy does not apply. If the Go module lives in a subfolder, set the go-build-policy/module-root annotation."
        action={rescan}
      />
    );
  }
  if (state === 'no-source') {
    return (
      <EmptyState
        missing="info"
        title="No GitHub source"
        description="The entity's source is not on a GitHub host configured in integrations.github, so it cannot be scanned."
      />
    );
  }
  if (!hasResult) {
    if (state === 'queued' || state === 'scanning') {
      return (
        <InfoCard title="Go build policy">
          <Typography>Scanning the repository… this page updates when the scan finishes.</Typography>
          <Progress />
        </InfoCard>
      );
    }
    if (state === 'failed') {
      return (
        <WarningPanel severity="error" title="The scan failed" message={result?.staleReason ?? 'Unknown reason'}>
          {rescan}
        </WarningPanel>
      );
    }
    return (
      <EmptyState
        missing="content"
        title="Not scanned yet"
        description="The scanner has not looked at this repository yet. Scans run on a schedule; you can ask for one now."
        action={rescan}
      />
    );
  }

  const history = value?.history ?? [];
  return (
    <Grid container spacing={3}>
      {result!.stale && (
        <Grid item xs={12}>
          <WarningPanel
            severity="warning"
            title="The last scan failed: showing the last good result"
            message={`${result!.staleReason ?? 'Unknown reason'}. The result below is from ${formatDateTime(result!.scannedAt)}.`}
          />
        </Grid>
      )}
      {(state === 'queued' || state === 'scanning') && (
        <Grid item xs={12}>
          <WarningPanel severity="info" title="A new scan is running" />
        </Grid>
      )}
      <Grid item xs={12} md={7}>
        <ScoreSummary result={result!} action={rescan} />
      </Grid>
      <Grid item xs={12} md={5}>
        <InfoCard title="Score history">
          <ScoreHistoryChart
            title="Score history"
            points={history.map(h => ({ at: h.scannedAt, score: h.score }))}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <FindingsList findings={result!.findings} repository={result!.repository} rulesPath={rulesPath} />
      </Grid>
    </Grid>
  );
}
