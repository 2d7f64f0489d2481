import Chip from '@material-ui/core/Chip';
import { alpha, makeStyles } from '@material-ui/core/styles';
import { TriageRule } from '../../api/types';
import { formatDateTime } from '../../utils/format';

const useStyles = makeStyles(theme => ({
  error: {
    backgroundColor: alpha(theme.palette.error.main, 0.2),
    borderColor: theme.palette.error.main,
  },
  warning: {
    backgroundColor: alpha(theme.palette.warning.main, 0.2),
    borderColor: theme.palette.warning.main,
  },
  info: {
    backgroundColor: alpha(theme.palette.info.main, 0.15),
    borderColor: theme.palette.info.main,
  },
  // A waived rule keeps its severity's border but loses the fill: still there, not counted.
  waived: { backgroundColor: 'transparent', borderStyle: 'dashed' },
}));

function waivedUntil(expiresAt: string): string {
  return formatDateTime(expiresAt).replace(/, \d{2}:\d{2} UTC$/, '');
}

/** A failing rule of a triage row, coloured by severity; a waived one says until when. */
export function TriageRuleChip(props: { rule: TriageRule }) {
  const classes = useStyles();
  const { rule } = props;
  const label = rule.waiver
    ? `${rule.ruleId} · waived until ${waivedUntil(rule.waiver.expiresAt)}`
    : rule.ruleId;
  return (
    <Chip
      size="small"
      variant="outlined"
      label={label}
      title={`${rule.severity}${
        rule.waiver
          ? `, waived until ${formatDateTime(rule.waiver.expiresAt)}`
          : ''
      }`}
      className={`${classes[rule.severity]} ${
        rule.waiver ? classes.waived : ''
      }`}
    />
  );
}
