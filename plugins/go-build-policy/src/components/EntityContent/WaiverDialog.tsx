import { useRef, useState } from 'react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import { Alert } from '@material-ui/lab';
import { useApi } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { goBuildPolicyApiRef } from '../../api/GoBuildPolicyApi';
import { errorMessage } from '../../utils/errors';
import {
  DEFAULT_WAIVER_DAYS,
  expiryOfDate,
  MAX_REASON_LENGTH,
  utcDatePlusDays,
  validateWaiverInput,
} from '../../utils/waiverInput';

/** Asks why and until when a rule is waived, then creates the waiver on the server. */
export function WaiverDialog(props: {
  entityRef: string;
  ruleId: string;
  ruleTitle: string;
  /** The installation's limit; unknown when capabilities could not be read. */
  maxDays?: number;
  onClose: () => void;
  onCreated: () => void;
}) {
  const api = useApi(goBuildPolicyApiRef);
  const { maxDays } = props;
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(() =>
    utcDatePlusDays(Math.min(DEFAULT_WAIVER_DAYS, maxDays ?? Infinity)),
  );
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<string>();
  const reasonInput = useRef<HTMLTextAreaElement>(null);
  const dateInput = useRef<HTMLInputElement>(null);
  // Enter in the date field submits the form even while the button is disabled: a ref
  // (not state, which a second event in the same tick does not see yet) sends one waiver.
  const sending = useRef(false);
  const errors = validateWaiverInput({ reason, date, maxDays });
  const shown = submitted ? errors : {};
  const entityName = parseEntityRef(props.entityRef).name;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    // Keyboard and screen-reader users land on the field to correct.
    if (errors.reason) reasonInput.current?.focus();
    else if (errors.date) dateInput.current?.focus();
    if (errors.reason || errors.date || sending.current) return;
    sending.current = true;
    setBusy(true);
    setServerError(undefined);
    try {
      await api.createWaiver(props.entityRef, {
        ruleId: props.ruleId,
        reason: reason.trim(),
        expiresAt: expiryOfDate(date),
      });
      props.onCreated();
    } catch (e) {
      setServerError(errorMessage(e));
      sending.current = false;
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      fullWidth
      maxWidth="sm"
      onClose={props.onClose}
      aria-labelledby="gbp-waive-title"
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id="gbp-waive-title">
          Waive “{props.ruleTitle}” for {entityName}
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            Until the waiver expires or is revoked, {props.ruleId} counts as
            passing in {entityName}'s score; the finding stays visible with its
            real status, and the waiver is listed on the org page with your
            reason.
          </DialogContentText>
          {serverError && (
            <Alert severity="error" role="alert">
              {serverError}
            </Alert>
          )}
          <TextField
            id="gbp-waive-reason"
            label="Reason"
            required
            fullWidth
            // A dialog opened to ask for a reason starts in its field (WAI-ARIA dialog pattern).
            // eslint-disable-next-line jsx-a11y/no-autofocus
            autoFocus
            variant="outlined"
            inputRef={reasonInput}
            multiline
            minRows={3}
            margin="normal"
            value={reason}
            onChange={e => setReason(e.target.value)}
            error={Boolean(shown.reason)}
            helperText={
              shown.reason ??
              'Why the rule does not apply or cannot be met yet, and what would end the waiver (a ticket, a migration).'
            }
            inputProps={{ maxLength: MAX_REASON_LENGTH }}
          />
          <TextField
            id="gbp-waive-until"
            label="Waived until (UTC)"
            type="date"
            required
            variant="outlined"
            inputRef={dateInput}
            margin="normal"
            value={date}
            onChange={e => setDate(e.target.value)}
            error={Boolean(shown.date)}
            helperText={
              shown.date ??
              `The rule counts again from the start of this day${
                maxDays ? `; at most ${maxDays} days from now` : ''
              }.`
            }
            InputLabelProps={{ shrink: true }}
            inputProps={{
              min: utcDatePlusDays(1),
              max: maxDays ? utcDatePlusDays(maxDays) : undefined,
            }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose}>Cancel</Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={busy}
          >
            {busy ? 'Waiving…' : 'Waive'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
