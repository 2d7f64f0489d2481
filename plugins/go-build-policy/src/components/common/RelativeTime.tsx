import Tooltip from '@material-ui/core/Tooltip';
import { formatDateTime } from '../../utils/format';
import { formatRelative } from '../../utils/relativeTime';

/** "in 3 days", with the exact UTC time on hover (a native title when not open). */
export function RelativeTime(props: { iso: string | undefined }) {
  if (!props.iso) return <>—</>;
  const absolute = formatDateTime(props.iso);
  return (
    <Tooltip title={absolute}>
      <time dateTime={props.iso}>{formatRelative(props.iso)}</time>
    </Tooltip>
  );
}
