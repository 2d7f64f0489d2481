import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ResultFinding } from '../../api/types';
import { RelativeTime } from '../common/RelativeTime';
import { FindingActions } from './FindingActions';
import { WaiveButton } from './WaiveButton';
import { WaiverDetails } from './WaiverDetails';

const useStyles = makeStyles(theme => ({
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
}));

/** A failing finding's triage: since when it fails, its waiver, or a way to waive it. */
export function FindingTriage(props: {
  finding: ResultFinding;
  ruleTitle: string;
  actions: FindingActions;
}) {
  const classes = useStyles();
  const { finding, actions } = props;
  const canWaive = !finding.waiver && actions.permissions.canWaive;
  // Since when and the way to waive share a line: the finding's story starts right below.
  return (
    <Box mb={2}>
      {(finding.failingSince || canWaive) && (
        <div className={classes.row}>
          {finding.failingSince && (
            <Typography variant="body2" color="textSecondary">
              Failing since <RelativeTime iso={finding.failingSince} />
            </Typography>
          )}
          {canWaive && (
            <WaiveButton
              entityRef={actions.entityRef}
              ruleId={finding.ruleId}
              ruleTitle={props.ruleTitle}
              maxDays={actions.capabilities?.waivers.maxDays}
              onWaived={actions.onChanged}
            />
          )}
        </div>
      )}
      {finding.waiver && (
        <WaiverDetails
          waiver={finding.waiver}
          canRevoke={actions.permissions.canRevoke}
          onRevoked={actions.onChanged}
        />
      )}
    </Box>
  );
}
