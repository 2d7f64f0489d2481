import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { formatDate, formatDateTime } from '../../utils/format';

/**
 * Marks a waived rule, next to (never instead of) its real status; the day it stops
 * applying follows the chip, so nobody has to hover to learn it.
 */
const useStyles = makeStyles(theme => ({
  waived: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
  },
}));

export function WaivedChip(props: { expiresAt: string }) {
  const classes = useStyles();
  return (
    <span className={classes.waived}>
      <Chip
        size="small"
        color="primary"
        variant="outlined"
        label="Waived"
        title={`Waived until ${formatDateTime(props.expiresAt)}`}
      />
      <Typography variant="caption" color="textSecondary" noWrap>
        until {formatDate(props.expiresAt)}
      </Typography>
    </span>
  );
}
