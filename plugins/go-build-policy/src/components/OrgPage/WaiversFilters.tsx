import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import Switch from '@material-ui/core/Switch';
import { makeStyles } from '@material-ui/core/styles';
import {
  EXPIRING_SOON_DAYS,
  useOrgQuery,
  WaiverStateFilter,
} from '../../hooks/useOrgQuery';

const STATE_OPTIONS: Array<{ value: WaiverStateFilter; label: string }> = [
  { value: 'active', label: 'Active' },
  { value: 'expired', label: 'Expired' },
  { value: 'revoked', label: 'Revoked' },
  { value: 'any', label: 'Any state' },
];

const useStyles = makeStyles(theme => ({
  bar: {
    display: 'flex',
    gap: theme.spacing(3),
    alignItems: 'flex-end',
    marginBottom: theme.spacing(1),
  },
  select: { minWidth: 160 },
}));

/** The waivers view's own filters (state, expiring soon), kept in the URL. */
export function WaiversFilters() {
  const classes = useStyles();
  const { query, setWaiverState, setExpiringSoon } = useOrgQuery();
  return (
    <div className={classes.bar}>
      <FormControl className={classes.select}>
        <InputLabel id="gbp-waiver-state-label">Waiver state</InputLabel>
        <Select
          labelId="gbp-waiver-state-label"
          id="gbp-waiver-state"
          value={query.waiverState}
          onChange={e => setWaiverState(e.target.value as WaiverStateFilter)}
        >
          {STATE_OPTIONS.map(o => (
            <MenuItem key={o.value} value={o.value}>
              {o.label}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      <FormControlLabel
        control={
          <Switch
            checked={query.expiringSoon}
            onChange={e => setExpiringSoon(e.target.checked)}
            color="primary"
          />
        }
        label={`Expiring within ${EXPIRING_SOON_DAYS} days`}
      />
    </div>
  );
}
