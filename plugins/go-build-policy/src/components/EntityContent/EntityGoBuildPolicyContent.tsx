import Grid from '@material-ui/core/Grid';
import {
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
import { EntityResult, HistoryEntry } from '../../api/types';
import { useEntityCompliance } from '../../hooks/useEntityCompliance';
import { useCapabilities } from '../../hooks/useCapabilities';
import { useTriagePermissions } from '../../hooks/useTriagePermissions';
import { rulesRouteRef } from '../../routes';
import {
  hasSourceAnnotation,
  PROJECT_SLUG_ANNOTATION,
  SOURCE_LOCATION_ANNOTATION,
} from '../../utils/entitySource';
import { formatDateTime } from '../../utils/format';
import { ScoreHistoryChart } from '../common/ScoreHistoryChart';
import { EntityStateView, hasScoredResult } from './EntityStateView';
import { FindingActions } from './FindingActions';
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
  const capabilities = useCapabilities();
  const permissions = useTriagePermissions(entityRef);
  const actions: FindingActions = {
    entityRef,
    capabilities,
    permissions,
    onChanged: retry,
  };
  const rescan = <RescanButton entityRef={entityRef} onRequested={retry} />;

  if (loading && !value) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  const result = value!.result;
  if (!hasScoredResult(result)) {
    return <EntityStateView result={result} action={rescan} />;
  }
  return (
    <ScoredResultView
      result={result}
      history={value!.history}
      rulesPath={rulesPath}
      action={rescan}
      findingActions={actions}
    />
  );
}

function ScoredResultView(props: {
  result: EntityResult;
  history: HistoryEntry[];
  rulesPath?: string;
  action: JSX.Element;
  findingActions: FindingActions;
}) {
  const { result, history } = props;
  const busy = result.state === 'queued' || result.state === 'scanning';
  return (
    <Grid container spacing={3}>
      {result.stale && (
        <Grid item xs={12}>
          <WarningPanel
            severity="warning"
            title="The last scan failed: showing the last good result, which may be stale"
            message={`${
              result.staleReason ?? result.failureReason ?? 'Unknown reason'
            }. The result below is from ${formatDateTime(result.scannedAt)}.`}
          />
        </Grid>
      )}
      {busy && (
        <Grid item xs={12}>
          <WarningPanel
            severity="info"
            title="A new scan is running: this page updates when it finishes"
          />
        </Grid>
      )}
      <Grid item xs={12} md={7}>
        <ScoreSummary result={result} action={props.action} />
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
        <FindingsList
          findings={result.findings}
          repository={result.repository}
          commit={result.commit ?? result.repository?.commitSha}
          rulesPath={props.rulesPath}
          actions={props.findingActions}
        />
      </Grid>
    </Grid>
  );
}
