import { useState } from 'react';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import LinearProgress from '@material-ui/core/LinearProgress';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { parseEntityRef } from '@backstage/catalog-model';
import useAsync from 'react-use/esm/useAsync';
import { goBuildPolicyApiRef } from '../../api/GoBuildPolicyApi';
import { GroupRow, RepositoryFilter } from '../../api/types';
import { useOrgQuery } from '../../hooks/useOrgQuery';
import { useRuleTitles } from '../../hooks/useRuleTitles';
import { percent, shortRef } from '../../utils/format';

function FailingServices(props: { ruleId: string; filter: RepositoryFilter }) {
  const api = useApi(goBuildPolicyApiRef);
  const entityRoute = useRouteRef(entityRouteRef);
  const { value, loading, error } = useAsync(
    () =>
      api.listRepositories({
        ...props.filter,
        rule: [props.ruleId],
        sort: 'score',
        limit: 100,
      }),
    [api, props.ruleId, JSON.stringify(props.filter)],
  );
  if (error) return <ResponseErrorPanel error={error} />;
  if (loading || !value) return <Progress />;
  return (
    <List dense aria-label={`Services failing ${props.ruleId}`}>
      {value.items.map(row => {
        const ref = parseEntityRef(row.entity.entityRef);
        return (
          <ListItem key={row.entity.entityRef}>
            <ListItemText
              primary={
                <Link
                  to={`${entityRoute({
                    kind: ref.kind,
                    namespace: ref.namespace,
                    name: ref.name,
                  })}/go-build-policy`}
                >
                  {row.entity.title ?? ref.name}
                </Link>
              }
              secondary={`${shortRef(row.entity.owner)} · score ${
                row.score ?? '—'
              }`}
            />
          </ListItem>
        );
      })}
      {value.total > value.items.length && (
        <ListItem>
          <ListItemText
            secondary={`and ${value.total - value.items.length} more`}
          />
        </ListItem>
      )}
    </List>
  );
}

function RuleRow(props: {
  row: GroupRow;
  title: string;
  filter: RepositoryFilter;
}) {
  const [open, setOpen] = useState(false);
  const { row } = props;
  const ruleId = row.key ?? '';
  return (
    <Accordion
      expanded={open}
      onChange={(_e, expanded) => setOpen(expanded)}
      TransitionProps={{ unmountOnExit: true }}
    >
      <AccordionSummary
        expandIcon={<ExpandMoreIcon />}
        aria-controls={`rule-${ruleId}`}
        id={`rule-${ruleId}-header`}
      >
        <div style={{ width: '100%' }}>
          <Typography>
            {props.title}{' '}
            <Typography
              component="span"
              variant="caption"
              color="textSecondary"
            >
              {ruleId}
            </Typography>
          </Typography>
          <Typography variant="body2" color="textSecondary">
            {row.failing} of {row.scored} failing ({percent(row.failingShare)})
          </Typography>
          <LinearProgress
            variant="determinate"
            color="secondary"
            value={row.failingShare * 100}
            aria-label={`Share failing ${ruleId}`}
          />
        </div>
      </AccordionSummary>
      <AccordionDetails>
        {open && <FailingServices ruleId={ruleId} filter={props.filter} />}
      </AccordionDetails>
    </Accordion>
  );
}

/** One line per rule: the share of services failing it; open a rule to list them. */
export function RulesView() {
  const api = useApi(goBuildPolicyApiRef);
  const ruleTitle = useRuleTitles();
  const { query } = useOrgQuery();
  const { value, loading, error } = useAsync(
    () => api.getGroups('rule', query.filter),
    [api, JSON.stringify(query.filter)],
  );
  if (error) return <ResponseErrorPanel error={error} />;
  if (loading || !value) return <Progress />;
  const rows = [...value].sort((a, b) => b.failingShare - a.failingShare);
  return (
    <div>
      {rows.map(row => (
        <RuleRow
          key={row.key ?? 'none'}
          row={row}
          title={ruleTitle(row.key ?? '')}
          filter={query.filter}
        />
      ))}
    </div>
  );
}
