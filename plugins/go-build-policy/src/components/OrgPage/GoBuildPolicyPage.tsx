import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Box from '@material-ui/core/Box';
import { makeStyles } from '@material-ui/core/styles';
import {
  Content,
  ContentHeader,
  Header,
  Link,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { goBuildPolicyApiRef } from '../../api/GoBuildPolicyApi';
import { OrgView, useOrgQuery } from '../../hooks/useOrgQuery';
import { rulesRouteRef } from '../../routes';
import { ExportButton } from './ExportButton';
import { FiltersBar } from './FiltersBar';
import { HeadlineFigures } from './HeadlineFigures';
import { OwnersView } from './OwnersView';
import { RulesView } from './RulesView';
import { ServicesTable } from './ServicesTable';
import { TriageView } from './TriageView';
import { WaiversView } from './WaiversView';

const VIEWS: Array<{ id: OrgView; label: string }> = [
  { id: 'services', label: 'Services' },
  { id: 'owners', label: 'By owner' },
  { id: 'rules', label: 'By rule' },
  { id: 'triage', label: 'Triage' },
  { id: 'waivers', label: 'Waivers' },
];

const useStyles = makeStyles(theme => ({
  actions: { display: 'flex', gap: theme.spacing(2), alignItems: 'center' },
}));

function Headline() {
  const api = useApi(goBuildPolicyApiRef);
  const { query } = useOrgQuery();
  const { value, loading, error } = useAsync(
    () => api.getSummary(query.filter),
    [api, JSON.stringify(query.filter)],
  );
  if (error) return <ResponseErrorPanel error={error} />;
  if (loading || !value) return <Progress />;
  return <HeadlineFigures summary={value} />;
}

/** The org scorecard: headline figures, then services, owners or rules under the filters. */
export function GoBuildPolicyOrgContent() {
  const classes = useStyles();
  const { query, setView } = useOrgQuery();
  const rulesPath = useRouteRef(rulesRouteRef)();
  return (
    <Content>
      <ContentHeader title="Go build policy scorecard">
        <div className={classes.actions}>
          <Link to={rulesPath}>The rules</Link>
          <ExportButton
            query={{ ...query.filter, sort: query.sort, order: query.order }}
          />
        </div>
      </ContentHeader>
      <Headline />
      <Box mt={3}>
        <FiltersBar />
        <Tabs
          value={query.view}
          onChange={(_e, view) => setView(view)}
          indicatorColor="primary"
          aria-label="Views"
        >
          {VIEWS.map(v => (
            <Tab
              key={v.id}
              value={v.id}
              label={v.label}
              id={`gbp-view-${v.id}`}
            />
          ))}
        </Tabs>
        <Box mt={2} role="tabpanel" aria-labelledby={`gbp-view-${query.view}`}>
          {query.view === 'services' && <ServicesTable />}
          {query.view === 'owners' && <OwnersView />}
          {query.view === 'rules' && <RulesView />}
          {query.view === 'triage' && <TriageView />}
          {query.view === 'waivers' && <WaiversView />}
        </Box>
      </Box>
    </Content>
  );
}

/** The page as the legacy frontend system mounts it (with Backstage's page header). */
export function GoBuildPolicyOrgPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Go build policy"
        subtitle="How every Go service in the catalog builds"
      />
      <GoBuildPolicyOrgContent />
    </Page>
  );
}
