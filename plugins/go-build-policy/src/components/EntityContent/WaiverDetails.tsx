import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Waiver } from '../../api/types';
import { formatDateTime, shortRef } from '../../utils/format';
import { formatRelative } from '../../utils/relativeTime';
import { RevokeWaiverButton } from './RevokeWaiverButton';

const useStyles = makeStyles(theme => ({
  box: {
    borderLeft: `3px solid ${theme.palette.info.main}`,
    paddingLeft: theme.spacing(1.5),
    marginBottom: theme.spacing(2),
  },
  reason: { whiteSpace: 'pre-wrap' },
}));

/** Why, until when and by whom the rule is waived; with a revoke button for those allowed. */
export function WaiverDetails(props: {
  waiver: Waiver;
  canRevoke: boolean;
  onRevoked: () => void;
}) {
  const classes = useStyles();
  const { waiver } = props;
  return (
    <Box
      className={classes.box}
      aria-label={`Waiver of ${waiver.ruleId}`}
      role="group"
    >
      <Typography variant="subtitle2">Waiver</Typography>
      <Typography variant="body2" className={classes.reason}>
        {waiver.reason}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        Expires {formatRelative(waiver.expiresAt)} (
        {formatDateTime(waiver.expiresAt)}). Waived by{' '}
        {shortRef(waiver.createdBy)} {formatRelative(waiver.createdAt)} (
        {formatDateTime(waiver.createdAt)}).
      </Typography>
      {props.canRevoke && (
        <RevokeWaiverButton waiver={waiver} onRevoked={props.onRevoked} />
      )}
    </Box>
  );
}
