import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import BuildIcon from '@material-ui/icons/Build';
import { makeStyles } from '@material-ui/core/styles';
import { FixPullRequest, FixSuggestion, RepositoryInfo } from '../../api/types';
import { combinedPatch } from '../../utils/diff';
import { FileDiff } from '../common/FileDiff';
import { SafeMarkdown } from '../common/SafeMarkdown';
import { CopyPatchButton } from './CopyPatchButton';
import { PullRequestAction } from './PullRequestAction';

const useStyles = makeStyles(theme => ({
  // Set apart from "How to fix" above it: this one is a concrete change to this repository.
  box: {
    border: `1px solid ${theme.palette.divider}`,
    borderLeft: `3px solid ${theme.palette.success.main}`,
    borderRadius: theme.shape.borderRadius,
    padding: theme.spacing(1.5, 2),
  },
  heading: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  icon: { fontSize: '1rem', color: theme.palette.success.main },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(2),
    marginTop: theme.spacing(1),
  },
}));

/** What "Open pull request" does, so nobody has to press it to find out. */
export function pullRequestExplanation(repository?: RepositoryInfo): string {
  const where = repository
    ? `${repository.owner}/${repository.name}${
        repository.defaultBranch ? ` against ${repository.defaultBranch}` : ''
      }`
    : 'the repository against its default branch';
  return `Open pull request commits this change on a new branch of ${where}, recomputed on its latest commit, and opens a pull request for review. Nothing is merged for you. Copy patch copies it for git apply.`;
}

/** A rule's suggested fix: what it changes and why, each file's diff, and the ways to apply it. */
export function FixSuggestionView(props: {
  entityRef: string;
  ruleId: string;
  fix: FixSuggestion;
  repository?: RepositoryInfo;
  pullRequest?: FixPullRequest;
  /** Pull requests are on in this installation and the user may open one. */
  canOpenPullRequest: boolean;
  onChanged: () => void;
}) {
  const classes = useStyles();
  const { fix, ruleId } = props;
  const offersPullRequest =
    props.canOpenPullRequest && props.pullRequest?.state !== 'open';
  return (
    <section aria-label={`Suggested fix for ${ruleId}`} className={classes.box}>
      <div className={classes.heading}>
        <BuildIcon className={classes.icon} aria-hidden />
        <Typography variant="subtitle1" component="h4">
          Suggested fix: {fix.title}
        </Typography>
      </div>
      <SafeMarkdown content={fix.description} />
      {fix.files.map((file, i) => (
        <FileDiff key={file.path} file={file} id={`fix-${ruleId}-${i}`} />
      ))}
      <Box className={classes.actions}>
        <PullRequestAction
          entityRef={props.entityRef}
          ruleId={ruleId}
          existing={props.pullRequest}
          canOpen={props.canOpenPullRequest}
          onOpened={props.onChanged}
        />
        <CopyPatchButton patch={combinedPatch(fix.files)} />
      </Box>
      {offersPullRequest && (
        <Typography variant="body2" color="textSecondary">
          {pullRequestExplanation(props.repository)}
        </Typography>
      )}
    </section>
  );
}
