import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import { Alert } from '@material-ui/lab';
import { useApi } from '@backstage/core-plugin-api';
import { goBuildPolicyApiRef } from '../../api/GoBuildPolicyApi';
import { Waiver } from '../../api/types';
import { errorMessage } from '../../utils/errors';

/** Revokes a waiver after a confirmation: the rule counts against the score again. */
export function RevokeWaiverButton(props: {
  waiver: Waiver;
  onRevoked: () => void;
}) {
  const api = useApi(goBuildPolicyApiRef);
  const { waiver } = props;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const revoke = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.revokeWaiver(waiver.entityRef, waiver.id);
      setConfirming(false);
      props.onRevoked();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Box mt={1}>
        <Button
          size="small"
          variant="outlined"
          onClick={() => setConfirming(true)}
        >
          Revoke
        </Button>
      </Box>
      {confirming && (
        <Dialog
          open
          onClose={() => setConfirming(false)}
          aria-labelledby="gbp-revoke-title"
        >
          <DialogTitle id="gbp-revoke-title">
            Revoke the waiver of {waiver.ruleId}?
          </DialogTitle>
          <DialogContent>
            {error && (
              <Alert severity="error" role="alert">
                {error}
              </Alert>
            )}
            <DialogContentText>
              The rule counts against the score again from now on.
            </DialogContentText>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setConfirming(false)}>Cancel</Button>
            <Button color="secondary" onClick={revoke} disabled={busy}>
              Revoke waiver
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </>
  );
}
