import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { MarkdownContent } from '@backstage/core-components';
import { FixPullRequest, FixSuggestion } from '../../api/types';
import { combinedPatch } from '../../utils/diff';
import { FileDiff } from '../common/FileDiff';
import { CopyPatchButton } from './CopyPatchButton';
import { PullRequestAction } from './PullRequestAction';

const useStyles = makeStyles(theme => ({
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(2),
    margin: theme.spacing(1, 0),
  },
}));

/** A rule's suggested fix: what it changes and why, each file's diff, and the ways to apply it. */
export function FixSuggestionView(props: {
  entityRef: string;
  ruleId: string;
  fix: FixSuggestion;
  pullRequest?: FixPullRequest;
  /** Pull requests are on in this installation and the user may open one. */
  canOpenPullRequest: boolean;
  onChanged: () => void;
}) {
  const classes = useStyles();
  const { fix, ruleId } = props;
  return (
    <section aria-label={`Suggested fix for ${ruleId}`}>
      <Typography variant="subtitle2">Suggested fix: {fix.title}</Typography>
      <MarkdownContent content={fix.description} />
      <Box className={classes.actions}>
        <CopyPatchButton patch={combinedPatch(fix.files)} />
        <PullRequestAction
          entityRef={props.entityRef}
          ruleId={ruleId}
          existing={props.pullRequest}
          canOpen={props.canOpenPullRequest}
          onOpened={props.onChanged}
        />
      </Box>
      {fix.files.map((file, i) => (
        <FileDiff key={file.path} file={file} id={`fix-${ruleId}-${i}`} />
      ))}
    </section>
  );
}
