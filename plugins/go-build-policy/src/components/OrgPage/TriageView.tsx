import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import useAsync from 'react-use/esm/useAsync';
import { goBuildPolicyApiRef } from '../../api/GoBuildPolicyApi';
import { TriageRow, TriageWaiverState } from '../../api/types';
import { useEntityTabLink } from '../../hooks/useEntityTabLink';
import { toTriageQuery, useOrgQuery } from '../../hooks/useOrgQuery';
import { shortRef } from '../../utils/format';
import { LevelChip } from '../common/LevelChip';
import { RelativeTime } from '../common/RelativeTime';
import { SeverityChip } from '../common/SeverityChip';
import { PagedTable } from './PagedTable';
import { TriageRuleChip } from './TriageRuleChip';

const COLUMNS = [
  'Service',
  'Owner',
  'Score',
  'Worst severity',
  'Failing since',
  'Failing rules',
  'Waivers',
];

const WAIVER_STATE_TEXT: Record<TriageWaiverState, string> = {
  none: 'None',
  partial: 'Some rules waived',
  all: 'All rules waived',
};

const useStyles = makeStyles(theme => ({
  noWrap: { whiteSpace: 'nowrap' },
  chips: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
    minWidth: theme.spacing(30),
  },
}));

function Score(props: { row: TriageRow }) {
  const { row } = props;
  const waived =
    row.rawScore !== undefined && row.rawScore !== row.score
      ? ` (raw ${row.rawScore})`
      : '';
  return (
    <>
      {row.score ?? '—'}
      {waived} <LevelChip level={row.level} />
    </>
  );
}

function TriageTableRow(props: { row: TriageRow }) {
  const classes = useStyles();
  const tabLink = useEntityTabLink();
  const { row } = props;
  return (
    <TableRow hover>
      <TableCell className={classes.noWrap}>
        <Link to={tabLink(row.entityRef)}>
          {row.entity.title ?? parseEntityRef(row.entityRef).name}
        </Link>
        {row.stale && (
          <Typography variant="caption" color="error" display="block">
            stale result
          </Typography>
        )}
      </TableCell>
      <TableCell className={classes.noWrap}>
        {shortRef(row.entity.owner)}
      </TableCell>
      <TableCell className={classes.noWrap}>
        <Score row={row} />
      </TableCell>
      <TableCell>
        <SeverityChip severity={row.worstSeverity} />
      </TableCell>
      <TableCell className={classes.noWrap}>
        <RelativeTime iso={row.failingSince} />
      </TableCell>
      <TableCell>
        <div className={classes.chips}>
          {row.failingRules.map(rule => (
            <TriageRuleChip key={rule.ruleId} rule={rule} />
          ))}
        </div>
      </TableCell>
      <TableCell className={classes.noWrap}>
        {WAIVER_STATE_TEXT[row.waiverState]}
      </TableCell>
    </TableRow>
  );
}

/** Noncompliant services in the order the server ranks them (worst first), paged. */
export function TriageView() {
  const api = useApi(goBuildPolicyApiRef);
  const { query } = useOrgQuery();
  const triageQuery = toTriageQuery(query);
  const { value, loading, error } = useAsync(
    () => api.getTriage(triageQuery),
    [api, JSON.stringify(triageQuery)],
  );
  return (
    <PagedTable
      label="Triage"
      columns={COLUMNS}
      loading={loading}
      error={error}
      total={value?.total}
      empty="No noncompliant services under these filters."
    >
      {value?.items.map(row => (
        <TriageTableRow key={row.entityRef} row={row} />
      ))}
    </PagedTable>
  );
}
