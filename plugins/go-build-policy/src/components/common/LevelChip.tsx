import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import { ComplianceLevel } from '@go-build-policy/plugin-go-build-policy-common';
import { LEVEL_LABELS } from '../../utils/format';

// Medal colours with dark text: readable on both the light and the dark theme.
const useStyles = makeStyles({
  gold: { backgroundColor: '#f2c94c', color: '#1f1f1f' },
  silver: { backgroundColor: '#c9ced6', color: '#1f1f1f' },
  bronze: { backgroundColor: '#d9a066', color: '#1f1f1f' },
  'needs-work': { backgroundColor: '#e57373', color: '#1f1f1f' },
  'not-applicable': {},
});

export function LevelChip(props: {
  level?: ComplianceLevel;
  size?: 'small' | 'medium';
}) {
  const classes = useStyles();
  if (!props.level) return null;
  return (
    <Chip
      size={props.size ?? 'small'}
      label={LEVEL_LABELS[props.level]}
      className={classes[props.level]}
      aria-label={`Level: ${LEVEL_LABELS[props.level]}`}
    />
  );
}
