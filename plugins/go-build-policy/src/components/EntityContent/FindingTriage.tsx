import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ResultFinding } from '../../api/types';
import { RelativeTime } from '../common/RelativeTime';
import { FindingActions } from './FindingActions';
import { WaiveButton } from './WaiveButton';
import { WaiverDetails } from './WaiverDetails';

/** A failing finding's triage: since when it fails, its waiver, or a way to waive it. */
export function FindingTriage(props: {
  finding: ResultFinding;
  ruleTitle: string;
  actions: FindingActions;
}) {
  const { finding, actions } = props;
  return (
    <Box mb={2}>
      {finding.failingSince && (
        <Typography variant="body2" color="textSecondary" paragraph>
          Failing since <RelativeTime iso={finding.failingSince} />
        </Typography>
      )}
      {finding.waiver ? (
        <WaiverDetails
          waiver={finding.waiver}
          canRevoke={actions.permissions.canRevoke}
          onRevoked={actions.onChanged}
        />
      ) : (
        actions.permissions.canWaive && (
          <WaiveButton
            entityRef={actions.entityRef}
            ruleId={finding.ruleId}
            ruleTitle={props.ruleTitle}
            maxDays={actions.capabilities?.waivers.maxDays}
            onWaived={actions.onChanged}
          />
        )
      )}
    </Box>
  );
}
