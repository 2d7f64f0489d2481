import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import BuildIcon from '@material-ui/icons/Build';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(0.5, 2),
    marginBottom: theme.spacing(1),
  },
  item: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
  },
  dashed: { borderStyle: 'dashed' },
  icon: { fontSize: '0.875rem' },
}));

/** What the rule chips of the triage list encode, since colour and dashes say it silently. */
export function TriageLegend() {
  const classes = useStyles();
  return (
    <Typography
      component="div"
      variant="caption"
      color="textSecondary"
      className={classes.legend}
      aria-label="Legend"
      role="note"
    >
      <span>
        Failing rules are coloured by severity; select one to open it on the
        service's tab.
      </span>
      <span className={classes.item}>
        <Chip
          size="small"
          variant="outlined"
          className={classes.dashed}
          label="dashed"
        />
        waived (still listed, counted as passing)
      </span>
      <span className={classes.item}>
        <BuildIcon className={classes.icon} aria-hidden />
        the rule suggests a fix (a patch, or a pull request)
      </span>
      <span>Score (raw N): waivers raised the score from N.</span>
    </Typography>
  );
}
