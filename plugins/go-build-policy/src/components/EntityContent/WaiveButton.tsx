import { useState } from 'react';
import Button from '@material-ui/core/Button';
import { WaiverDialog } from './WaiverDialog';

/** Opens the waiver dialog for one rule; rendered only for those allowed to waive. */
export function WaiveButton(props: {
  entityRef: string;
  ruleId: string;
  ruleTitle: string;
  maxDays?: number;
  onWaived: () => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" variant="outlined" onClick={() => setOpen(true)}>
        Waive
      </Button>
      {open && (
        <WaiverDialog
          entityRef={props.entityRef}
          ruleId={props.ruleId}
          ruleTitle={props.ruleTitle}
          maxDays={props.maxDays}
          onClose={() => setOpen(false)}
          onCreated={() => {
            setOpen(false);
            props.onWaived();
          }}
        />
      )}
    </>
  );
}
