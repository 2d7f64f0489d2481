import { useMemo } from 'react';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import { makeStyles } from '@material-ui/core/styles';
import { Link } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import useAsync from 'react-use/esm/useAsync';
import { goBuildPolicyApiRef } from '../../api/GoBuildPolicyApi';
import { WaiverPage } from '../../api/types';
import { useEntityTabLink } from '../../hooks/useEntityTabLink';
import { toWaiverQuery, useOrgQuery } from '../../hooks/useOrgQuery';
import { formatDate, shortRef } from '../../utils/format';
import { useRuleCatalogue } from '../../hooks/useRuleCatalogue';
import { rulesRouteRef } from '../../routes';
import { RelativeTime } from '../common/RelativeTime';
import { PagedTable } from './PagedTable';
import { WaiversFilters } from './WaiversFilters';

const COLUMNS = ['Service', 'Rule', 'Reason', 'Expires', 'Created by', 'State'];

const useStyles = makeStyles({
  noWrap: { whiteSpace: 'nowrap' },
  reason: { maxWidth: 420, whiteSpace: 'pre-wrap' },
});

/** The rule's documentation, titled on hover: ids alone rarely say what a rule checks. */
function RuleLink(props: { ruleId: string; title?: string }) {
  const rulesPath = useRouteRef(rulesRouteRef)();
  return (
    <Link
      to={`${rulesPath}#${encodeURIComponent(props.ruleId)}`}
      title={props.title}
    >
      {props.ruleId}
    </Link>
  );
}

function WaiverRow(props: {
  waiver: WaiverPage['items'][number];
  ruleTitle?: string;
}) {
  const classes = useStyles();
  const tabLink = useEntityTabLink();
  const { waiver } = props;
  return (
    <TableRow hover>
      <TableCell className={classes.noWrap}>
        <Link to={tabLink(waiver.entityRef)}>
          {waiver.entity?.title ?? parseEntityRef(waiver.entityRef).name}
        </Link>
      </TableCell>
      <TableCell className={classes.noWrap}>
        <RuleLink ruleId={waiver.ruleId} title={props.ruleTitle} />
      </TableCell>
      <TableCell className={classes.reason}>{waiver.reason}</TableCell>
      <TableCell className={classes.noWrap}>
        <RelativeTime iso={waiver.expiresAt} /> · {formatDate(waiver.expiresAt)}
      </TableCell>
      <TableCell className={classes.noWrap}>
        {shortRef(waiver.createdBy)}
      </TableCell>
      <TableCell>
        {waiver.state}
        {waiver.revokedBy ? ` by ${shortRef(waiver.revokedBy)}` : ''}
      </TableCell>
    </TableRow>
  );
}

/** The org's waivers under the scorecard filters, by state and expiry, paged. */
export function WaiversView() {
  const api = useApi(goBuildPolicyApiRef);
  const { query } = useOrgQuery();
  const rule = useRuleCatalogue();
  const key = JSON.stringify(query);
  // "Expiring soon" counts from when the query changed, not from each render.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const waiverQuery = useMemo(() => toWaiverQuery(query), [key]);
  const { value, loading, error } = useAsync(
    () => api.listWaivers(waiverQuery),
    [api, waiverQuery],
  );
  return (
    <>
      <WaiversFilters />
      <PagedTable
        label="Waivers"
        columns={COLUMNS}
        loading={loading}
        error={error}
        total={value?.total}
        empty="No waivers under these filters."
      >
        {value?.items.map(waiver => (
          <WaiverRow
            key={waiver.id}
            waiver={waiver}
            ruleTitle={rule(waiver.ruleId)?.title}
          />
        ))}
      </PagedTable>
    </>
  );
}
