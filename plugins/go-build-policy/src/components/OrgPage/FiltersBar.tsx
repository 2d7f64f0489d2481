import { useEffect, useState } from 'react';
import Button from '@material-ui/core/Button';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { LEVELS, RULES } from '@go-build-policy/plugin-go-build-policy-common';
import { goBuildPolicyApiRef } from '../../api/GoBuildPolicyApi';
import { FilterKey, useOrgQuery } from '../../hooks/useOrgQuery';
import { LEVEL_LABELS, shortRef } from '../../utils/format';

const useStyles = makeStyles(theme => ({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    alignItems: 'flex-end',
    marginBottom: theme.spacing(2),
  },
  select: { minWidth: 160, maxWidth: 260 },
}));

interface Option {
  value: string;
  label: string;
}

function MultiSelect(props: {
  id: FilterKey;
  label: string;
  options: Option[];
  selected: string[];
  onChange: (values: string[]) => void;
}) {
  const classes = useStyles();
  const labelId = `gbp-filter-${props.id}-label`;
  const labels = new Map(props.options.map(o => [o.value, o.label]));
  return (
    <FormControl className={classes.select}>
      <InputLabel id={labelId}>{props.label}</InputLabel>
      <Select
        labelId={labelId}
        id={`gbp-filter-${props.id}`}
        multiple
        value={props.selected}
        onChange={e => props.onChange(e.target.value as string[])}
        renderValue={value =>
          (value as string[]).map(v => labels.get(v) ?? v).join(', ')
        }
      >
        {props.options.map(o => (
          <MenuItem key={o.value} value={o.value}>
            {o.label}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

/** Search and filters of the org views; every value lives in the URL. */
export function FiltersBar() {
  const classes = useStyles();
  const api = useApi(goBuildPolicyApiRef);
  const { query, setFilter, clearFilters } = useOrgQuery();
  const [text, setText] = useState(query.filter.q ?? '');

  // Debounce typing into the URL (and so into server requests).
  useEffect(() => {
    if (text === (query.filter.q ?? '')) return undefined;
    const timer = setTimeout(() => setFilter('q', text), 300);
    return () => clearTimeout(timer);
  }, [text, query.filter.q, setFilter]);

  const { value: dimensions } = useAsync(async () => {
    const [owner, system, domain] = await Promise.all(
      (['owner', 'system', 'domain'] as const).map(d => api.getGroups(d)),
    );
    const toOptions = (rows: { key: string | null }[]) =>
      rows
        .filter(r => r.key)
        .map(r => ({ value: r.key!, label: shortRef(r.key) }));
    return {
      owner: toOptions(owner),
      system: toOptions(system),
      domain: toOptions(domain),
    };
  }, [api]);

  const selects: Array<{ id: FilterKey; label: string; options: Option[] }> = [
    { id: 'owner', label: 'Owner', options: dimensions?.owner ?? [] },
    { id: 'system', label: 'System', options: dimensions?.system ?? [] },
    { id: 'domain', label: 'Domain', options: dimensions?.domain ?? [] },
    {
      id: 'level',
      label: 'Level',
      options: LEVELS.map(l => ({ value: l, label: LEVEL_LABELS[l] })),
    },
    {
      id: 'rule',
      label: 'Failing rule',
      options: RULES.map(r => ({ value: r.id, label: r.id })),
    },
    {
      id: 'severity',
      label: 'Worst severity',
      options: ['error', 'warning', 'info'].map(s => ({ value: s, label: s })),
    },
  ];

  return (
    <div className={classes.bar} role="search">
      <TextField
        id="gbp-search"
        label="Search"
        placeholder="Name, owner, system"
        value={text}
        onChange={e => setText(e.target.value)}
      />
      {selects.map(s => (
        <MultiSelect
          key={s.id}
          id={s.id}
          label={s.label}
          options={s.options}
          selected={(query.filter[s.id] as string[] | undefined) ?? []}
          onChange={values => setFilter(s.id, values)}
        />
      ))}
      <Button
        onClick={() => {
          setText('');
          clearFilters();
        }}
      >
        Clear filters
      </Button>
    </div>
  );
}
