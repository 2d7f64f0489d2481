import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { parseEntityRef } from '@backstage/catalog-model';
import useAsync from 'react-use/esm/useAsync';
import { goBuildPolicyApiRef } from '../../api/GoBuildPolicyApi';
import { RepositoryRow, RepositorySortField } from '../../api/types';
import {
  PAGE_SIZES,
  toRepositoryQuery,
  useOrgQuery,
} from '../../hooks/useOrgQuery';
import { formatDateTime, shortRef } from '../../utils/format';
import { LevelChip } from '../common/LevelChip';
import { SeverityChip } from '../common/SeverityChip';

const COLUMNS: Array<{
  label: string;
  sort?: RepositorySortField;
  numeric?: boolean;
}> = [
  { label: 'Service', sort: 'name' },
  { label: 'Owner', sort: 'owner' },
  { label: 'System' },
  { label: 'Score', sort: 'score', numeric: true },
  { label: 'Level' },
  { label: 'Failing rules', sort: 'failing' },
  { label: 'Worst severity', sort: 'severity' },
  { label: 'Last scan', sort: 'lastScan' },
];

const STATE_TEXT: Record<string, string> = {
  'never-scanned': 'not scanned yet',
  queued: 'queued',
  scanning: 'scanning',
  failed: 'scan failed',
  'not-go': 'not a Go repository',
  'no-source': 'no GitHub source',
};

const SHOWN_RULES = 3;

const useStyles = makeStyles({
  // Names and refs stay on one line; the failing rules column takes what is left.
  noWrap: { whiteSpace: 'nowrap' },
});

/** The failing rule ids (the first few); "none" only for a scored row. */
function failingRulesText(row: RepositoryRow): string {
  const ids = row.failingRuleIds;
  if (ids.length === 0) return row.score === undefined ? '' : 'none';
  const shown = ids.slice(0, SHOWN_RULES).join(', ');
  return ids.length > SHOWN_RULES
    ? `${shown} +${ids.length - SHOWN_RULES} more`
    : shown;
}

function ServiceRow(props: { row: RepositoryRow }) {
  const classes = useStyles();
  const entityRoute = useRouteRef(entityRouteRef);
  const { row } = props;
  const ref = parseEntityRef(row.entity.entityRef);
  const href = `${entityRoute({
    kind: ref.kind,
    namespace: ref.namespace,
    name: ref.name,
  })}/go-build-policy`;
  return (
    <TableRow hover>
      <TableCell className={classes.noWrap}>
        <Link to={href}>{row.entity.title ?? ref.name}</Link>
        {row.stale && (
          <Typography variant="caption" color="error" display="block">
            stale: {row.staleReason}
          </Typography>
        )}
      </TableCell>
      <TableCell className={classes.noWrap}>
        {shortRef(row.entity.owner)}
      </TableCell>
      <TableCell className={classes.noWrap}>
        {shortRef(row.entity.system)}
      </TableCell>
      <TableCell align="right">{row.score ?? '—'}</TableCell>
      <TableCell>
        {row.level ? (
          <LevelChip level={row.level} />
        ) : (
          STATE_TEXT[row.state] ?? row.state
        )}
      </TableCell>
      <TableCell>{failingRulesText(row)}</TableCell>
      <TableCell>
        <SeverityChip severity={row.worstSeverity} />
      </TableCell>
      <TableCell className={classes.noWrap}>
        {formatDateTime(row.scannedAt)}
      </TableCell>
    </TableRow>
  );
}

/** The services table: server-side filtered, sorted and paged, all state in the URL. */
export function ServicesTable() {
  const classes = useStyles();
  const api = useApi(goBuildPolicyApiRef);
  const { query, setSort, setPage, setPageSize } = useOrgQuery();
  const { value, loading, error } = useAsync(
    () => api.listRepositories(toRepositoryQuery(query)),
    [api, JSON.stringify(query)],
  );

  if (error) return <ResponseErrorPanel error={error} />;
  return (
    <>
      {loading && <Progress />}
      <Table size="small" aria-label="Services">
        <TableHead>
          <TableRow>
            {COLUMNS.map(column => (
              <TableCell
                key={column.label}
                align={column.numeric ? 'right' : 'left'}
                className={classes.noWrap}
              >
                {column.sort ? (
                  <TableSortLabel
                    active={query.sort === column.sort}
                    direction={query.sort === column.sort ? query.order : 'asc'}
                    onClick={() =>
                      setSort(
                        column.sort!,
                        query.sort === column.sort && query.order === 'asc'
                          ? 'desc'
                          : 'asc',
                      )
                    }
                  >
                    {column.label}
                  </TableSortLabel>
                ) : (
                  column.label
                )}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {value?.items.map(row => (
            <ServiceRow key={row.entity.entityRef} row={row} />
          ))}
          {value && value.items.length === 0 && (
            <TableRow>
              <TableCell colSpan={COLUMNS.length}>
                No services match these filters.
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
      <TablePagination
        component="div"
        count={value?.total ?? 0}
        page={query.page}
        rowsPerPage={query.pageSize}
        rowsPerPageOptions={PAGE_SIZES}
        onPageChange={(_e, page) => setPage(page)}
        onRowsPerPageChange={e => setPageSize(Number(e.target.value))}
      />
    </>
  );
}
