import Chip from '@material-ui/core/Chip';
import { Severity } from '@go-build-policy/plugin-go-build-policy-common';

export function SeverityChip(props: { severity?: Severity }) {
  if (!props.severity) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={props.severity === 'error' ? 'secondary' : 'default'}
      label={props.severity}
    />
  );
}
