import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import { makeStyles } from '@material-ui/core/styles';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { PAGE_SIZES, useOrgQuery } from '../../hooks/useOrgQuery';

const useStyles = makeStyles(theme => ({
  // Wide tables keep every column in view down to a 1024 px window.
  compact: {
    '& th, & td': { padding: theme.spacing(1, 0.75) },
    '& th:first-child, & td:first-child': { paddingLeft: theme.spacing(2) },
    // Headers wrap between words, never inside one ("Waiver s").
    '& th': { overflowWrap: 'normal', wordBreak: 'normal' },
  },
}));

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
  /** Tighter cell padding, for tables with many columns. */
  compact?: boolean;
  children?: React.ReactNode;
}) {
  const classes = useStyles();
  const { query, setPage, setPageSize } = useOrgQuery();
  if (props.error) return <ResponseErrorPanel error={props.error} />;
  return (
    <>
      {props.loading && <Progress />}
      {/* Narrow windows scroll the table sideways rather than clip its last columns. */}
      <TableContainer>
        <Table
          size="small"
          aria-label={props.label}
          className={props.compact ? classes.compact : undefined}
        >
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
      </TableContainer>
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
