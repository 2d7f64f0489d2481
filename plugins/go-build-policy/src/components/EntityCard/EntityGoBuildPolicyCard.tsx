import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { InfoCard, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { getRuleMetadata } from '@go-build-policy/plugin-go-build-policy-common';
import { useEntityCompliance } from '../../hooks/useEntityCompliance';
import { LevelChip } from '../common/LevelChip';
import { SeverityChip } from '../common/SeverityChip';
import { sortFindings } from '../EntityContent/FindingsList';

const STATE_TEXT: Record<string, string> = {
  'never-scanned': 'Not scanned yet.',
  queued: 'A scan is queued.',
  scanning: 'Scanning…',
  failed: 'The last scan failed.',
  'not-go': 'Not a Go repository.',
  'no-source': 'No GitHub source to scan.',
};

/** Overview card: score, level and the worst failing rules, with a link to the tab. */
export function EntityGoBuildPolicyCard(props: { tabPath?: string; maxRules?: number }) {
  const { entity } = useEntity();
  const { value, loading, error } = useEntityCompliance(stringifyEntityRef(entity));
  const tabPath = props.tabPath ?? 'go-build-policy';
  const deepLink = { title: 'View all rules', link: tabPath };

  if (loading && !value) return <InfoCard title="Go build policy"><Progress /></InfoCard>;
  if (error) return <ResponseErrorPanel error={error} />;

  const result = value?.result;
  if (!result || result.findings.length === 0) {
    return (
      <InfoCard title="Go build policy" deepLink={deepLink}>
        <Typography>{STATE_TEXT[result?.state ?? 'never-scanned'] ?? ''}</Typography>
      </InfoCard>
    );
  }
  const failing = sortFindings(result.findings)
    .filter(f => f.status === 'fail' || f.status === 'error' || f.status === 'warn')
    .slice(0, props.maxRules ?? 3);
  return (
    <InfoCard title="Go build policy" deepLink={deepLink}>
      <Typography variant="h4" component="p">
        {result.score}
        <Typography variant="body2" component="span"> / 100 </Typography>
        <LevelChip level={result.level} />
      </Typography>
      {result.stale && <Typography color="error">Stale: {result.staleReason}</Typography>}
      {failing.length === 0 ? (
        <Typography>Every rule passes.</Typography>
      ) : (
        <List dense aria-label="Worst failing rules">
          {failing.map(f => (
            <ListItem key={f.ruleId} disableGutters>
              <ListItemText
                primary={getRuleMetadata(f.ruleId)?.title ?? f.ruleId}
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
