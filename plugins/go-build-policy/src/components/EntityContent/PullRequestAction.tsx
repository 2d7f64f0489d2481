import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import CallSplitIcon from '@material-ui/icons/CallSplit';
import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { goBuildPolicyApiRef } from '../../api/GoBuildPolicyApi';
import { FixPullRequest } from '../../api/types';
import { errorMessage } from '../../utils/errors';

function PullRequestLink(props: { pullRequest: FixPullRequest }) {
  const { pullRequest } = props;
  return (
    <Link to={pullRequest.url}>
      Pull request #{pullRequest.number} ({pullRequest.state})
    </Link>
  );
}

/**
 * The fix's pull request: a link to the open one, or a button that opens one (offered
 * only when the installation allows pull requests and the user may open them), next to
 * the link of an earlier one that was closed or merged.
 */
export function PullRequestAction(props: {
  entityRef: string;
  ruleId: string;
  existing?: FixPullRequest;
  canOpen: boolean;
  onOpened: () => void;
}) {
  const api = useApi(goBuildPolicyApiRef);
  const [opened, setOpened] = useState<FixPullRequest>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const pullRequest = opened ?? props.existing;
  // An open pull request is the answer; a closed or merged one (the rule still fails)
  // stays linked while a new one may be opened.
  if (pullRequest?.state === 'open')
    return <PullRequestLink pullRequest={pullRequest} />;
  if (!props.canOpen)
    return pullRequest ? <PullRequestLink pullRequest={pullRequest} /> : null;

  const open = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setOpened(await api.openFixPullRequest(props.entityRef, props.ruleId));
      props.onOpened();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {pullRequest && <PullRequestLink pullRequest={pullRequest} />}
      <Button
        size="small"
        variant="outlined"
        color="primary"
        startIcon={<CallSplitIcon />}
        disabled={busy}
        onClick={open}
      >
        {busy && 'Opening pull request…'}
        {!busy &&
          (pullRequest ? 'Open a new pull request' : 'Open pull request')}
      </Button>
      {error && (
        <Typography variant="body2" color="error" role="alert">
          Could not open the pull request: {error}
        </Typography>
      )}
    </>
  );
}
