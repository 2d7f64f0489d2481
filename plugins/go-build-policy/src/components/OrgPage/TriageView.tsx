import TableCell from '@material-ui/core/TableCell';
import Tooltip from '@material-ui/core/Tooltip';
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
import { useRuleCatalogue } from '../../hooks/useRuleCatalogue';
import { toTriageQuery, useOrgQuery } from '../../hooks/useOrgQuery';
import { findingAnchor } from '../../utils/findingAnchor';
import { RAW_SCORE_EXPLANATION, shortRef } from '../../utils/format';
import { LevelChip } from '../common/LevelChip';
import { RelativeTime } from '../common/RelativeTime';
import { SeverityChip } from '../common/SeverityChip';
import { PagedTable } from './PagedTable';
import { TriageLegend } from './TriageLegend';
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
  // Rows grow with their rule chips: the service, score and dates stay on the first line.
  cell: { verticalAlign: 'top' },
  // Long names may break at their hyphens in narrow windows, but keep a readable width.
  service: {
    verticalAlign: 'top',
    minWidth: theme.spacing(15),
    [theme.breakpoints.up('lg')]: { whiteSpace: 'nowrap' },
  },
  // Short texts that may wrap onto two lines, never one word a line.
  shortText: {
    verticalAlign: 'top',
    minWidth: theme.spacing(9),
    [theme.breakpoints.up('lg')]: { whiteSpace: 'nowrap' },
  },
  noWrap: { whiteSpace: 'nowrap', verticalAlign: 'top' },
  score: { verticalAlign: 'top', minWidth: theme.spacing(11) },
  raw: { borderBottom: `1px dotted ${theme.palette.text.secondary}` },
  chips: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
    minWidth: theme.spacing(22),
  },
}));

function Score(props: { row: TriageRow }) {
  const classes = useStyles();
  const { row } = props;
  const waived = row.rawScore !== undefined && row.rawScore !== row.score;
  // The level chip may wrap under the numbers in narrow windows; the numbers stay together.
  return (
    <>
      <span className={classes.noWrap}>
        {row.score ?? '—'}
        {waived && (
          <>
            {' '}
            <Tooltip title={RAW_SCORE_EXPLANATION}>
              {/* Focusable, so keyboard users reach the explanation too. */}
              {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
              <span className={classes.raw} tabIndex={0}>
                (raw {row.rawScore})
              </span>
            </Tooltip>
          </>
        )}
      </span>{' '}
      <LevelChip level={row.level} />
    </>
  );
}

function TriageTableRow(props: {
  row: TriageRow;
  rule: ReturnType<typeof useRuleCatalogue>;
}) {
  const classes = useStyles();
  const tabLink = useEntityTabLink();
  const { row } = props;
  const tab = tabLink(row.entityRef);
  return (
    <TableRow hover>
      <TableCell className={classes.service}>
        <Link to={tab}>
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
      <TableCell className={classes.score}>
        <Score row={row} />
      </TableCell>
      <TableCell className={classes.cell}>
        <SeverityChip severity={row.worstSeverity} />
      </TableCell>
      <TableCell className={classes.shortText}>
        <RelativeTime iso={row.failingSince} />
      </TableCell>
      <TableCell className={classes.cell}>
        <div className={classes.chips}>
          {row.failingRules.map(rule => (
            <TriageRuleChip
              key={rule.ruleId}
              rule={rule}
              href={`${tab}#${findingAnchor(rule.ruleId)}`}
              title={props.rule(rule.ruleId)?.title}
              fixable={props.rule(rule.ruleId)?.fixable}
            />
          ))}
        </div>
      </TableCell>
      <TableCell className={classes.shortText}>
        {WAIVER_STATE_TEXT[row.waiverState]}
      </TableCell>
    </TableRow>
  );
}

/** Noncompliant services in the order the server ranks them (worst first), paged. */
export function TriageView() {
  const api = useApi(goBuildPolicyApiRef);
  const { query } = useOrgQuery();
  const rule = useRuleCatalogue();
  const triageQuery = toTriageQuery(query);
  const { value, loading, error } = useAsync(
    () => api.getTriage(triageQuery),
    [api, JSON.stringify(triageQuery)],
  );
  return (
    <>
      <TriageLegend />
      <PagedTable
        label="Triage"
        columns={COLUMNS}
        loading={loading}
        error={error}
        total={value?.total}
        empty="No noncompliant services under these filters."
        compact
      >
        {value?.items.map(row => (
          <TriageTableRow key={row.entityRef} row={row} rule={rule} />
        ))}
      </PagedTable>
    </>
  );
}
