import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Button from '@material-ui/core/Button';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { goBuildPolicyApiRef } from '../../api/GoBuildPolicyApi';
import { useOrgQuery } from '../../hooks/useOrgQuery';
import { percent, shortRef } from '../../utils/format';

/** Roll-up by owner; choosing an owner narrows the services view to it. */
export function OwnersView() {
  const api = useApi(goBuildPolicyApiRef);
  const { query, showFiltered } = useOrgQuery();
  const { value, loading, error } = useAsync(
    () => api.getGroups('owner', query.filter),
    [api, JSON.stringify(query.filter)],
  );
  if (error) return <ResponseErrorPanel error={error} />;
  if (loading || !value) return <Progress />;
  const rows = [...value].sort(
    (a, b) => b.failing - a.failing || (a.key ?? '').localeCompare(b.key ?? ''),
  );
  return (
    <Table size="small" aria-label="Compliance by owner">
      <TableHead>
        <TableRow>
          <TableCell>Owner</TableCell>
          <TableCell align="right">Services</TableCell>
          <TableCell align="right">Scored</TableCell>
          <TableCell align="right">Compliant</TableCell>
          <TableCell align="right">Failing</TableCell>
          <TableCell align="right">Average score</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(row => (
          <TableRow key={row.key ?? 'none'} hover>
            <TableCell>
              {row.key ? (
                <Button
                  size="small"
                  onClick={() => showFiltered('owner', [row.key!], 'services')}
                >
                  {shortRef(row.key)}
                </Button>
              ) : (
                'No owner'
              )}
            </TableCell>
            <TableCell align="right">{row.total}</TableCell>
            <TableCell align="right">{row.scored}</TableCell>
            <TableCell align="right">
              {row.compliant} (
              {percent(row.scored ? row.compliant / row.scored : 0)})
            </TableCell>
            <TableCell align="right">{row.failing}</TableCell>
            <TableCell align="right">
              {row.averageScore === null ? '—' : Math.round(row.averageScore)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
