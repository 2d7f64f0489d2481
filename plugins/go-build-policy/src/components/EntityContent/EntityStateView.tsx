import Typography from '@material-ui/core/Typography';
import {
  EmptyState,
  InfoCard,
  Progress,
  WarningPanel,
} from '@backstage/core-components';
import { EntityResult } from '../../api/types';
import { formatDateTime } from '../../utils/format';

/** Whether the backend holds a scored result to show (possibly stale). */
export function hasScoredResult(result: EntityResult): boolean {
  return result.score !== undefined && result.state !== 'not-go';
}

/** What the tab shows when there is no scored result: why, and what happens next. */
export function EntityStateView(props: {
  result: EntityResult;
  action: JSX.Element;
}) {
  const { result, action } = props;
  switch (result.state) {
    case 'not-go':
      return (
        <EmptyState
          missing="data"
          title="Not a Go repository"
          description="The repository has no go.mod, so the Go build policy does not apply. If the Go module lives in a subfolder, set the go-build-policy/module-root annotation."
          action={action}
        />
      );
    case 'no-source':
      return (
        <EmptyState
          missing="info"
          title="No GitHub source to scan"
          description="The entity's source is not on a GitHub host configured in integrations.github, so the scanner cannot read it."
        />
      );
    case 'queued':
    case 'scanning':
      return (
        <InfoCard title="Go build policy">
          <Typography paragraph>
            {result.state === 'queued'
              ? 'A scan of the repository is queued.'
              : 'Scanning the repository.'}{' '}
            This page updates when the scan finishes.
          </Typography>
          <Progress />
        </InfoCard>
      );
    case 'failed':
      return (
        <WarningPanel
          severity="error"
          title="The scan failed"
          message={`${
            result.failureReason ?? result.staleReason ?? 'Unknown reason'
          }${
            result.checkedAt
              ? ` (last attempt ${formatDateTime(result.checkedAt)})`
              : ''
          }`}
        >
          {action}
        </WarningPanel>
      );
    default:
      return (
        <EmptyState
          missing="content"
          title="Not scanned yet"
          description="The scanner has not looked at this repository yet. Scans run on a schedule; you can ask for one now."
          action={action}
        />
      );
  }
}
