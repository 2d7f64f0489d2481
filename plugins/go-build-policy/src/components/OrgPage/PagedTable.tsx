import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { PAGE_SIZES, useOrgQuery } from '../../hooks/useOrgQuery';

/**
 * A server-paged table of the org page: headers, the rows given, an empty text, and the
 * page and page size kept in the URL.
 */
export function PagedTable(props: {
  label: string;
  columns: string[];
  loading: boolean;
  error?: Error;
  total?: number;
  empty: string;
  children?: React.ReactNode;
}) {
  const { query, setPage, setPageSize } = useOrgQuery();
  if (props.error) return <ResponseErrorPanel error={props.error} />;
  return (
    <>
      {props.loading && <Progress />}
      <Table size="small" aria-label={props.label}>
        <TableHead>
          <TableRow>
            {props.columns.map(column => (
              <TableCell key={column}>{column}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {props.children}
          {props.total === 0 && (
            <TableRow>
              <TableCell colSpan={props.columns.length}>
                {props.empty}
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
      <TablePagination
        component="div"
        count={props.total ?? 0}
        page={query.page}
        rowsPerPage={query.pageSize}
        rowsPerPageOptions={PAGE_SIZES}
        onPageChange={(_e, page) => setPage(page)}
        onRowsPerPageChange={e => setPageSize(Number(e.target.value))}
      />
    </>
  );
}
