import { useEffect } from 'react';
import Box from '@material-ui/core/Box';
import Card from '@material-ui/core/Card';
import Chip from '@material-ui/core/Chip';
import BuildIcon from '@material-ui/icons/Build';
import CardContent from '@material-ui/core/CardContent';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  Content,
  ContentHeader,
  Header,
  Page,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { SafeMarkdown } from '../common/SafeMarkdown';
import { useLocation } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import {
  RuleCategory,
  RuleMetadata,
  RULES,
} from '@go-build-policy/plugin-go-build-policy-common';
import { goBuildPolicyApiRef } from '../../api/GoBuildPolicyApi';
import { SeverityChip } from '../common/SeverityChip';
import { Remediation } from '../common/Remediation';
import { LevelsCard } from './LevelsCard';

const CATEGORY_TITLES: Record<RuleCategory, string> = {
  ci: 'CI caches',
  mod: 'Reproducible dependency state',
  toolchain: 'One Go version, on purpose',
  private: 'Private modules as explicit policy',
  docker: 'Docker layers that keep dependency downloads',
};

const useStyles = makeStyles(theme => ({
  card: { marginBottom: theme.spacing(2), scrollMarginTop: theme.spacing(10) },
  term: { fontWeight: 600, marginTop: theme.spacing(1) },
  heading: { display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
  fixIcon: { fontSize: '0.875rem' },
}));

/** Verdict texts quote commands in backticks: markdown renders them as code. */
function Verdict(props: { term: string; text: string }) {
  const classes = useStyles();
  return (
    <>
      <Typography className={classes.term}>{props.term}</Typography>
      <SafeMarkdown content={props.text} />
    </>
  );
}

/** Marks a rule that proposes a patch for a failing repository (from the backend's list). */
function FixableChip() {
  const classes = useStyles();
  return (
    <Chip
      size="small"
      color="primary"
      variant="outlined"
      icon={<BuildIcon className={classes.fixIcon} aria-hidden />}
      label="Suggests a fix"
      title="A failing service's tab shows this rule's patch as a diff, to copy or to open as a pull request"
    />
  );
}

function RuleCard(props: { rule: RuleMetadata }) {
  const classes = useStyles();
  const { rule } = props;
  return (
    <Card
      id={rule.id}
      className={classes.card}
      component="section"
      aria-labelledby={`${rule.id}-title`}
    >
      <CardContent>
        <div className={classes.heading}>
          <Typography variant="h6" component="h3" id={`${rule.id}-title`}>
            {rule.title}
          </Typography>
          <SeverityChip severity={rule.defaultSeverity} />
          {rule.fixable && <FixableChip />}
        </div>
        <Typography variant="caption" color="textSecondary">
          {rule.id}
        </Typography>
        <Typography>{rule.rationale}</Typography>
        <Verdict term="Passes when" text={rule.passWhen} />
        <Verdict term="Fails when" text={rule.failWhen} />
        <Verdict term="Not applicable when" text={rule.notApplicableWhen} />
        <Typography className={classes.term}>Remediation</Typography>
        <Remediation markdown={rule.remediation} />
      </CardContent>
    </Card>
  );
}

/** Every rule with its rationale, verdicts and remediation; anchors are rule ids. */
export function RulesContent() {
  const api = useApi(goBuildPolicyApiRef);
  const { hash } = useLocation();
  // The backend also knows organisation rules added through its extension point.
  const { value: served } = useAsync(() => api.getRules(), [api]);
  const rules = served && served.length ? served : RULES;

  useEffect(() => {
    if (!hash) return;
    let id: string;
    try {
      id = decodeURIComponent(hash.slice(1));
    } catch {
      return; // A hand-edited anchor with a broken escape: stay at the top.
    }
    document.getElementById(id)?.scrollIntoView();
  }, [hash, rules]);

  const categories = [...new Set(rules.map(r => r.category))];
  const fixable = rules.filter(r => r.fixable).length;
  return (
    <Content>
      <ContentHeader title="Rules" />
      {fixable > 0 && (
        <Typography variant="body2" color="textSecondary" paragraph>
          {fixable} of {rules.length} rules suggest a fix: a failing service's
          tab shows the patch, to copy or to open as a pull request.
        </Typography>
      )}
      <Box mb={3}>
        <LevelsCard />
      </Box>
      {categories.map(category => (
        <div key={category}>
          <Typography variant="h5" component="h2" gutterBottom>
            {CATEGORY_TITLES[category] ?? category}
          </Typography>
          {rules
            .filter(r => r.category === category)
            .map(rule => (
              <RuleCard key={rule.id} rule={rule} />
            ))}
        </div>
      ))}
    </Content>
  );
}

export function RulesPage() {
  return (
    <Page themeId="tool">
      <Header title="Go build policy" subtitle="The rules" />
      <RulesContent />
    </Page>
  );
}
