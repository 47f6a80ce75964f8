import * as React from 'react';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { HelpText } from '@twilio-paste/core/help-text';
import { Label } from '@twilio-paste/core/label';
import { Option, Select } from '@twilio-paste/core/select';
import { Text } from '@twilio-paste/core/text';

import { identifierTypeName } from '../shared/identifierFormat';
import { useStrings } from '../shared/PluginProviders';
import { ReorderList } from './reorder/ReorderList';

/** Segment's default identifiers (segment.md, "Identity resolution") and `phone`, which Flex looks up. */
const KNOWN_TYPES = [
  'user_id',
  'email',
  'phone',
  'anonymous_id',
  'ga_client_id',
  'group_id',
  'android.id',
  'android.idfa',
  'android.push_token',
  'ios.id',
  'ios.idfa',
  'ios.push_token',
];

interface IdentifierPriorityProps {
  order: string[];
  onChange: (order: string[]) => void;
  problem?: string;
}

/** The identifier types /profile tries, in order: dragged, moved by Alt+Arrow keys or by buttons. */
export function IdentifierPriority({ order, onChange, problem }: IdentifierPriorityProps) {
  const t = useStrings();
  const [adding, setAdding] = React.useState('');
  const addable = KNOWN_TYPES.filter((type) => !order.includes(type));
  const nameOf = (type: string) => identifierTypeName(type, t);

  return (
    <Box as="fieldset" borderStyle="none" padding="space0" margin="space0" marginBottom="space50">
      <Text as="legend" id="unified-profiles-unify-priority" fontWeight="fontWeightSemibold" marginBottom="space20">
        {t('UnifiedProfilesUnifyFieldPriority')}
      </Text>
      <ReorderList
        items={order}
        nameOf={nameOf}
        onReorder={onChange}
        idPrefix="unified-profiles-unify-priority"
        labelledBy="unified-profiles-unify-priority"
        describedBy="unified-profiles-unify-priority-help"
        rowActions={(type) => (
          <Button
            variant="secondary"
            size="small"
            disabled={order.length === 1}
            aria-label={t('UnifiedProfilesUnifyRemoveIdentifier', { name: nameOf(type) })}
            onClick={() => onChange(order.filter((other) => other !== type))}
          >
            ×
          </Button>
        )}
      />
      {addable.length > 0 && (
        <Box display="flex" columnGap="space20" alignItems="flex-end" marginTop="space30">
          <Box flexGrow={1}>
            <Label htmlFor="unified-profiles-unify-add-identifier">{t('UnifiedProfilesUnifyAddIdentifier')}</Label>
            <Select
              id="unified-profiles-unify-add-identifier"
              value={adding}
              onChange={(event) => setAdding(event.target.value)}
            >
              <Option value="">—</Option>
              {addable.map((type) => (
                <Option key={type} value={type}>
                  {identifierTypeName(type, t)}
                </Option>
              ))}
            </Select>
          </Box>
          <Button
            variant="secondary"
            disabled={!adding}
            onClick={() => {
              onChange([...order, adding]);
              setAdding('');
            }}
          >
            {t('UnifiedProfilesUnifyAddButton')}
          </Button>
        </Box>
      )}
      <HelpText id="unified-profiles-unify-priority-help" variant={problem ? 'error' : 'default'}>
        {problem ?? t('UnifiedProfilesUnifyHelpPriority')}
      </HelpText>
    </Box>
  );
}
