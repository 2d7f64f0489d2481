import Chip from '@material-ui/core/Chip';
import { formatDateTime } from '../../utils/format';

/** Marks a waived rule, next to (never instead of) its real status. */
export function WaivedChip(props: { expiresAt: string }) {
  return (
    <Chip
      size="small"
      color="primary"
      variant="outlined"
      label="Waived"
      title={`Waived until ${formatDateTime(props.expiresAt)}`}
    />
  );
}
