import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import BuildIcon from '@material-ui/icons/Build';
import { alpha, makeStyles } from '@material-ui/core/styles';
import { Link } from '@backstage/core-components';
import { TriageRule } from '../../api/types';
import { formatDateTime } from '../../utils/format';

const useStyles = makeStyles(theme => ({
  link: { borderRadius: 16, '&:hover': { textDecoration: 'none' } },
  chip: { cursor: 'pointer' },
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
  fixIcon: { fontSize: '0.875rem' },
  hidden: {
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
}));

/** The hover text: what the rule checks, how bad it is, its waiver and its fix. */
export function triageRuleTooltip(
  rule: TriageRule,
  title: string | undefined,
  fixable: boolean,
): string {
  const parts = [`${title ?? rule.ruleId} (${rule.severity})`];
  if (rule.waiver) {
    parts.push(`waived until ${formatDateTime(rule.waiver.expiresAt)}`);
  }
  if (fixable) parts.push('the rule suggests a fix on the service tab');
  return parts.join(', ');
}

/**
 * A failing rule of a triage row, coloured by severity, dashed when waived (until when
 * on hover), with a wrench when the rule suggests fixes. It links to the finding on the
 * service's tab, where the fix, the waiver and the evidence are.
 */
export function TriageRuleChip(props: {
  rule: TriageRule;
  href: string;
  title?: string;
  fixable?: boolean;
}) {
  const classes = useStyles();
  const { rule } = props;
  const fixable = Boolean(props.fixable);
  // The expiry date is in the tooltip and the Waivers tab: in the chip it would widen the
  // table past a 1024 px window.
  const label = rule.waiver ? `${rule.ruleId} · waived` : rule.ruleId;
  return (
    <Tooltip title={triageRuleTooltip(rule, props.title, fixable)}>
      <Link to={props.href} className={classes.link}>
        <Chip
          size="small"
          variant="outlined"
          icon={
            fixable ? (
              <BuildIcon className={classes.fixIcon} aria-hidden />
            ) : undefined
          }
          label={
            <>
              {label}
              {fixable && (
                <>
                  {' '}
                  <span className={classes.hidden}>(suggests a fix)</span>
                </>
              )}
            </>
          }
          className={`${classes.chip} ${classes[rule.severity]} ${
            rule.waiver ? classes.waived : ''
          }`}
        />
      </Link>
    </Tooltip>
  );
}
