import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { EntityScanState } from '../../api/types';
import { useEntityCompliance } from '../../hooks/useEntityCompliance';
import { useRuleTitles } from '../../hooks/useRuleTitles';
import { LevelChip } from '../common/LevelChip';
import { SeverityChip } from '../common/SeverityChip';
import { hasScoredResult } from '../EntityContent/EntityStateView';
import { sortFindings } from '../EntityContent/FindingsList';

const STATE_TEXT: Record<EntityScanState, string> = {
  'never-scanned': 'Not scanned yet.',
  queued: 'A scan is queued.',
  scanning: 'Scanning…',
  ok: 'No result yet.',
  failed: 'The last scan failed.',
  'not-go': 'Not a Go repository.',
  'no-source': 'No GitHub source to scan.',
};

const TITLE = 'Go build policy';

/** Overview card: score, level and the worst failing rules, with a link to the tab. */
export function EntityGoBuildPolicyCard(props: {
  /** Path of the entity tab, relative to the entity page. */
  tabPath?: string;
  maxRules?: number;
}) {
  const { entity } = useEntity();
  const ruleTitle = useRuleTitles();
  const { value, loading, error } = useEntityCompliance(
    stringifyEntityRef(entity),
    { withHistory: false },
  );
  const deepLink = {
    title: 'Every rule',
    link: props.tabPath ?? 'go-build-policy',
  };

  if (loading && !value) {
    return (
      <InfoCard title={TITLE}>
        <Progress />
      </InfoCard>
    );
  }
  if (error) return <ResponseErrorPanel error={error} title={TITLE} />;

  const result = value!.result;
  if (!hasScoredResult(result)) {
    return (
      <InfoCard title={TITLE} deepLink={deepLink}>
        <Typography>{STATE_TEXT[result.state]}</Typography>
        {result.failureReason && (
          <Typography variant="body2" color="textSecondary">
            {result.failureReason}
          </Typography>
        )}
      </InfoCard>
    );
  }
  const failing = sortFindings(result.findings)
    .filter(
      f => f.status === 'fail' || f.status === 'error' || f.status === 'warn',
    )
    .slice(0, props.maxRules ?? 3);
  return (
    <InfoCard title={TITLE} deepLink={deepLink}>
      <Typography variant="h4" component="div">
        {result.score}
        <Typography variant="body2" component="span">
          {' '}
          / 100{' '}
        </Typography>
        <LevelChip level={result.level} />
      </Typography>
      {result.stale && (
        <Typography variant="body2" color="error">
          Stale: {result.staleReason ?? result.failureReason}
        </Typography>
      )}
      {failing.length === 0 ? (
        <Typography>Every rule passes.</Typography>
      ) : (
        <List dense aria-label="Worst failing rules">
          {failing.map(f => (
            <ListItem key={f.ruleId} disableGutters>
              <ListItemText
                primary={ruleTitle(f.ruleId)}
                secondary={f.message}
              />
              <SeverityChip severity={f.severity} />
            </ListItem>
          ))}
        </List>
      )}
    </InfoCard>
  );
}
