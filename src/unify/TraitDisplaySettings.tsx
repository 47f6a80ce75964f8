import * as React from 'react';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { HelpText } from '@twilio-paste/core/help-text';
import { Input } from '@twilio-paste/core/input';
import { Option, Select } from '@twilio-paste/core/select';
import { Text } from '@twilio-paste/core/text';

import type { TraitDisplaySetting, TraitDisplayType } from '../../serverless/src/config/unify-contract';
import type { Translate } from '../shared/PluginProviders';
import { useStrings } from '../shared/PluginProviders';
import type { PluginStringKey } from '../strings/en';

/** As /unify-config checks them (config-document.ts). */
const TRAIT_NAME_SHAPE = /^[A-Za-z0-9_][A-Za-z0-9_.:-]{0,99}$/;
const CURRENCY_SHAPE = /^[A-Z]{3}$/;
const MAX_LABEL_CHARS = 60;
const MAX_ROWS = 100;

const TYPES: { type: TraitDisplayType | ''; label: PluginStringKey }[] = [
  { type: '', label: 'UnifiedProfilesUnifyTraitTypeInferred' },
  { type: 'text', label: 'UnifiedProfilesUnifyTraitTypeText' },
  { type: 'number', label: 'UnifiedProfilesUnifyTraitTypeNumber' },
  { type: 'currency', label: 'UnifiedProfilesUnifyTraitTypeCurrency' },
  { type: 'date', label: 'UnifiedProfilesUnifyTraitTypeDate' },
  { type: 'percentile', label: 'UnifiedProfilesUnifyTraitTypePercentile' },
  { type: 'reversedPercentile', label: 'UnifiedProfilesUnifyTraitTypeReversed' },
  { type: 'link', label: 'UnifiedProfilesUnifyTraitTypeLink' },
  { type: 'boolean', label: 'UnifiedProfilesUnifyTraitTypeBoolean' },
];

/** One row of the table as the admin edits it; '' is "not set". */
export interface TraitDisplayRow {
  name: string;
  label: string;
  type: TraitDisplayType | '';
  currency: string;
}

export function displayRows(settings: Record<string, TraitDisplaySetting> | undefined): TraitDisplayRow[] {
  return Object.entries(settings ?? {}).map(([name, { label, type, currency }]) => ({
    name,
    label: label ?? '',
    type: type ?? '',
    currency: currency ?? '',
  }));
}

/** A JSON form where key order does not matter, to tell whether the admin changed anything. */
export function sameDisplay(one: Record<string, TraitDisplaySetting>, other: Record<string, TraitDisplaySetting>) {
  const canonical = (value: Record<string, TraitDisplaySetting>) =>
    JSON.stringify(
      Object.keys(value)
        .sort()
        .map((name) => [name, value[name].label ?? null, value[name].type ?? null, value[name].currency ?? null]),
    );
  return canonical(one) === canonical(other);
}

/** The rows as /unify-config takes them, or the first problem in the admin's words. Blank rows are skipped. */
export function readDisplayRows(
  rows: TraitDisplayRow[],
  t: Translate,
): { value: Record<string, TraitDisplaySetting>; problem?: string } {
  const value: Record<string, TraitDisplaySetting> = {};
  const filled = rows.filter((row) => row.name.trim() || row.label.trim() || row.type);
  if (filled.length > MAX_ROWS) return { value, problem: t('UnifiedProfilesUnifyTraitTooManyRows', { max: MAX_ROWS }) };
  for (const row of rows) {
    if (!filled.includes(row)) continue;
    const n = rows.indexOf(row) + 1;
    const name = row.name.trim();
    const label = row.label.trim();
    const currency = row.currency.trim().toUpperCase();
    if (!TRAIT_NAME_SHAPE.test(name)) return { value, problem: t('UnifiedProfilesUnifyTraitRowBadName', { row: n }) };
    if (Object.prototype.hasOwnProperty.call(value, name)) {
      return { value, problem: t('UnifiedProfilesUnifyTraitRowTwice', { row: n, name }) };
    }
    if (!label && !row.type) return { value, problem: t('UnifiedProfilesUnifyTraitRowEmpty', { row: n }) };
    if (label.length > MAX_LABEL_CHARS) {
      return { value, problem: t('UnifiedProfilesUnifyTraitRowLabelLong', { row: n, max: MAX_LABEL_CHARS }) };
    }
    if (row.type === 'currency' && currency && !CURRENCY_SHAPE.test(currency)) {
      return { value, problem: t('UnifiedProfilesUnifyTraitRowBadCurrency', { row: n }) };
    }
    const setting: TraitDisplaySetting = {};
    if (label) setting.label = label;
    if (row.type) setting.type = row.type;
    if (row.type === 'currency' && currency) setting.currency = currency;
    value[name] = setting;
  }
  return { value };
}

/** For a supervisor: "lifetime_value: Lifetime spend (Currency, EUR); …". */
export function traitDisplaySummary(settings: Record<string, TraitDisplaySetting> | undefined, t: Translate): string {
  const entries = Object.entries(settings ?? {});
  if (entries.length === 0) return t('UnifiedProfilesUnifyNoTraitDisplay');
  return entries
    .map(([name, { label, type, currency }]) => {
      const typeLabel = TYPES.find((option) => option.type === (type ?? ''))!.label;
      const how = [type ? t(typeLabel) : null, currency ?? null].filter(Boolean).join(', ');
      return `${name}: ${[label, how ? `(${how})` : null].filter(Boolean).join(' ')}`;
    })
    .join('; ');
}

interface TraitDisplaySettingsProps {
  rows: TraitDisplayRow[];
  onChange: (rows: TraitDisplayRow[]) => void;
  problem?: string;
}

/** "Trait display names and types": a small table, a row per trait, rows added and removed by button. */
export function TraitDisplaySettings({ rows, onChange, problem }: TraitDisplaySettingsProps) {
  const t = useStrings();
  const table = React.useRef<HTMLTableElement>(null);
  const [focusRow, setFocusRow] = React.useState<number | null>(null);
  React.useEffect(() => {
    if (focusRow === null) return;
    // A new row: the admin types its name next. A removed one: focus stays in the table.
    const inputs = table.current?.querySelectorAll<HTMLInputElement>('input[data-trait-name]');
    const target = inputs?.[Math.min(focusRow, (inputs?.length ?? 1) - 1)];
    (target ?? document.getElementById('unified-profiles-unify-trait-add'))?.focus();
    setFocusRow(null);
  }, [focusRow]);

  const update = (index: number, change: Partial<TraitDisplayRow>) =>
    onChange(rows.map((row, at) => (at === index ? { ...row, ...change } : row)));
  const add = () => {
    onChange([...rows, { name: '', label: '', type: '', currency: '' }]);
    setFocusRow(rows.length);
  };
  const remove = (index: number) => {
    onChange(rows.filter((_, at) => at !== index));
    setFocusRow(index);
  };

  const cell = { as: 'td', paddingRight: 'space30', paddingBottom: 'space30', verticalAlign: 'top' } as const;
  const head = { as: 'th', textAlign: 'left', paddingRight: 'space30', paddingBottom: 'space20' } as const;
  return (
    <Box as="fieldset" margin="space0" marginBottom="space50" padding="space0" borderWidth="borderWidth0">
      <Text as="legend" fontWeight="fontWeightSemibold" marginBottom="space20">
        {t('UnifiedProfilesUnifyFieldTraitDisplay')}
      </Text>
      <HelpText id="unified-profiles-unify-trait-display-help">{t('UnifiedProfilesUnifyHelpTraitDisplay')}</HelpText>
      {rows.length > 0 && (
        <Box as="table" ref={table} marginTop="space30" width="100%" style={{ borderCollapse: 'collapse' }}>
          <thead>
            <tr>
              <Box {...head}>{t('UnifiedProfilesUnifyTraitColumnName')}</Box>
              <Box {...head}>{t('UnifiedProfilesUnifyTraitColumnLabel')}</Box>
              <Box {...head}>{t('UnifiedProfilesUnifyTraitColumnType')}</Box>
              <Box {...head}>{t('UnifiedProfilesUnifyTraitColumnCurrency')}</Box>
              <td />
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => {
              const n = index + 1;
              return (
                // Rows have no identity of their own while being typed: the index is it.
                <tr key={index}>
                  <Box {...cell}>
                    <Input
                      type="text"
                      autoComplete="off"
                      data-trait-name
                      aria-label={t('UnifiedProfilesUnifyTraitRowName', { row: n })}
                      value={row.name}
                      onChange={(event) => update(index, { name: event.target.value })}
                    />
                  </Box>
                  <Box {...cell}>
                    <Input
                      type="text"
                      autoComplete="off"
                      maxLength={MAX_LABEL_CHARS}
                      aria-label={t('UnifiedProfilesUnifyTraitRowLabel', { row: n })}
                      value={row.label}
                      onChange={(event) => update(index, { label: event.target.value })}
                    />
                  </Box>
                  <Box {...cell}>
                    <Select
                      aria-label={t('UnifiedProfilesUnifyTraitRowType', { row: n })}
                      value={row.type}
                      onChange={(event) => update(index, { type: event.target.value as TraitDisplayRow['type'] })}
                    >
                      {TYPES.map((option) => (
                        <Option key={option.type} value={option.type}>
                          {t(option.label)}
                        </Option>
                      ))}
                    </Select>
                  </Box>
                  <Box {...cell}>
                    {row.type === 'currency' && (
                      <Input
                        type="text"
                        autoComplete="off"
                        maxLength={3}
                        placeholder="USD"
                        aria-label={t('UnifiedProfilesUnifyTraitRowCurrency', { row: n })}
                        value={row.currency}
                        onChange={(event) => update(index, { currency: event.target.value.toUpperCase() })}
                      />
                    )}
                  </Box>
                  <Box {...cell}>
                    <Button variant="secondary" size="small" onClick={() => remove(index)}>
                      {t('UnifiedProfilesUnifyTraitRowRemove', { row: n })}
                    </Button>
                  </Box>
                </tr>
              );
            })}
          </tbody>
        </Box>
      )}
      {problem && (
        <HelpText variant="error" role="alert">
          {problem}
        </HelpText>
      )}
      <Box marginTop="space30">
        <Button id="unified-profiles-unify-trait-add" variant="secondary" onClick={add}>
          {t('UnifiedProfilesUnifyTraitAddRow')}
        </Button>
      </Box>
    </Box>
  );
}
