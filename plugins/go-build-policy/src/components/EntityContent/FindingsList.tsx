import { useEffect } from 'react';
import { useLocation } from 'react-router-dom';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { makeStyles } from '@material-ui/core/styles';
import { Link } from '@backstage/core-components';
import { Finding } from '@go-build-policy/plugin-go-build-policy-common';
import { RepositoryInfo, ResultFinding } from '../../api/types';
import { useRuleTitles } from '../../hooks/useRuleTitles';
import { evidenceUrl, locationLabel } from '../../utils/githubLinks';
import { ruleOfAnchor } from '../../utils/findingAnchor';
import { SEVERITY_ORDER, STATUS_ORDER } from '../../utils/format';
import { StatusIndicator } from '../common/StatusIndicator';
import { SeverityChip } from '../common/SeverityChip';
import { Remediation } from '../common/Remediation';
import { SafeMarkdown } from '../common/SafeMarkdown';
import { WaivedChip } from '../common/WaivedChip';
import { FindingActions } from './FindingActions';
import { FindingTriage } from './FindingTriage';
import { FixSuggestionView } from './FixSuggestionView';

const useStyles = makeStyles(theme => ({
  summary: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(2),
    width: '100%',
  },
  status: { minWidth: 90 },
  title: { flex: 1 },
  // A rule id breaks as a whole, not at its hyphens.
  ruleId: { whiteSpace: 'nowrap' },
  details: { display: 'block' },
  section: { marginBottom: theme.spacing(2) },
}));

export function sortFindings<T extends Finding>(findings: T[]): T[] {
  return [...findings].sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.ruleId.localeCompare(b.ruleId),
  );
}

function FindingDetails(props: {
  finding: ResultFinding;
  ruleTitle: string;
  repository?: RepositoryInfo;
  commit?: string;
  rulesPath?: string;
  actions?: FindingActions;
}) {
  const classes = useStyles();
  const { finding, repository, rulesPath, actions } = props;
  const sha = props.commit;
  const failing =
    finding.status === 'fail' ||
    finding.status === 'warn' ||
    finding.status === 'error';
  return (
    <AccordionDetails className={classes.details}>
      {failing && actions && (
        <FindingTriage
          finding={finding}
          ruleTitle={props.ruleTitle}
          actions={actions}
        />
      )}
      {/* Messages quote files in markdown code spans and lists. */}
      <Box className={classes.section}>
        <SafeMarkdown content={finding.message} />
      </Box>
      {finding.locations.length > 0 && (
        <Box className={classes.section}>
          <Typography variant="subtitle2">Evidence</Typography>
          <ul>
            {finding.locations.map(location => (
              <li key={locationLabel(location)}>
                {repository && sha ? (
                  <Link to={evidenceUrl(repository, sha, location)}>
                    {locationLabel(location)}
                  </Link>
                ) : (
                  locationLabel(location)
                )}
              </li>
            ))}
          </ul>
        </Box>
      )}
      {finding.notes?.length ? (
        <Box className={classes.section}>
          <Typography variant="subtitle2">Notes</Typography>
          <ul>
            {finding.notes.map(note => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </Box>
      ) : null}
      {failing && (
        <Box className={classes.section}>
          <Typography variant="subtitle2">How to fix</Typography>
          <Remediation markdown={finding.remediation} />
        </Box>
      )}
      {failing && finding.fix && actions && (
        <Box className={classes.section}>
          <FixSuggestionView
            entityRef={actions.entityRef}
            repository={repository}
            ruleId={finding.ruleId}
            fix={finding.fix}
            pullRequest={finding.pullRequest}
            canOpenPullRequest={
              Boolean(actions.capabilities?.pullRequests.enabled) &&
              actions.permissions.canOpenPullRequest
            }
            onChanged={actions.onChanged}
          />
        </Box>
      )}
      {rulesPath && (
        <Link to={`${rulesPath}#${finding.ruleId}`}>
          Documentation of {finding.ruleId}
        </Link>
      )}
    </AccordionDetails>
  );
}

/** Every rule's finding: failing first, each with evidence, remediation and docs. */
export function FindingsList(props: {
  findings: ResultFinding[];
  repository?: RepositoryInfo;
  /** The scanned commit: evidence links point at it, not at a moving branch. */
  commit?: string;
  rulesPath?: string;
  /** Waive, revoke and pull-request actions; without them the list is read-only. */
  actions?: FindingActions;
}) {
  const classes = useStyles();
  const ruleTitle = useRuleTitles();
  // The triage list links to one finding (`#finding-<rule id>`): open it and show it.
  const target = ruleOfAnchor(useLocation().hash);
  useEffect(() => {
    if (target) {
      document
        .getElementById(`finding-${target}-header`)
        ?.scrollIntoView({ block: 'start' });
    }
  }, [target]);
  return (
    <div>
      {sortFindings(props.findings).map(finding => {
        const title = ruleTitle(finding.ruleId);
        return (
          <Accordion
            key={finding.ruleId}
            defaultExpanded={
              finding.ruleId === target ||
              (finding.status === 'fail' && finding.severity === 'error')
            }
            TransitionProps={{ unmountOnExit: true }}
          >
            <AccordionSummary
              expandIcon={<ExpandMoreIcon />}
              aria-controls={`finding-${finding.ruleId}`}
              id={`finding-${finding.ruleId}-header`}
            >
              <div className={classes.summary}>
                <span className={classes.status}>
                  <StatusIndicator status={finding.status} />
                </span>
                <Typography className={classes.title}>
                  {title}{' '}
                  <Typography
                    component="span"
                    variant="caption"
                    color="textSecondary"
                    className={classes.ruleId}
                  >
                    {finding.ruleId}
                  </Typography>
                </Typography>
                {finding.waiver && (
                  <WaivedChip expiresAt={finding.waiver.expiresAt} />
                )}
                <SeverityChip severity={finding.severity} />
              </div>
            </AccordionSummary>
            <FindingDetails
              finding={finding}
              ruleTitle={title}
              actions={props.actions}
              repository={props.repository}
              commit={props.commit}
              rulesPath={props.rulesPath}
            />
          </Accordion>
        );
      })}
    </div>
  );
}
