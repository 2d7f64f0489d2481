import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  LEVEL_DESCRIPTIONS,
  LEVELS,
  SEVERITY_WEIGHTS,
} from '@go-build-policy/plugin-go-build-policy-common';
import { LevelChip } from '../common/LevelChip';

/** How the score is computed and what each level means (anchor `levels`). */
export function LevelsCard() {
  return (
    <Card id="levels" component="section" aria-labelledby="levels-title">
      <CardContent>
        <Typography variant="h6" component="h2" id="levels-title">
          Score and levels
        </Typography>
        <Typography paragraph>
          Each rule that applies weighs by its severity (error{' '}
          {SEVERITY_WEIGHTS.error}, warning {SEVERITY_WEIGHTS.warning}, info{' '}
          {SEVERITY_WEIGHTS.info}); a pass earns all of it, a partial pass half,
          a failure or an error nothing. The score is the earned share, 0 to
          100. Waived rules count as passing for the score and as failing for
          the raw score.
        </Typography>
        <Table size="small" aria-label="Levels">
          <TableBody>
            {LEVELS.map(level => (
              <TableRow key={level}>
                <TableCell>
                  <LevelChip level={level} />
                </TableCell>
                <TableCell>{LEVEL_DESCRIPTIONS[level]}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
