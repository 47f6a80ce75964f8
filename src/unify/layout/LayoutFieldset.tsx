import * as React from 'react';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { HelpText } from '@twilio-paste/core/help-text';
import { Text } from '@twilio-paste/core/text';

interface SectionFieldsetProps {
  /** Its element id, and with -help its help's. */
  id: string;
  legend: string;
  help?: string[];
  children: React.ReactNode;
}

/** One part of the layout (header, trait groups…): a fieldset with its legend and help. */
export function SectionFieldset({ id, legend, help = [], children }: SectionFieldsetProps) {
  return (
    <Box
      as="fieldset"
      id={id}
      aria-describedby={help.length > 0 ? `${id}-help` : undefined}
      margin="space0"
      marginBottom="space60"
      padding="space0"
      borderWidth="borderWidth0"
    >
      <Text as="legend" fontWeight="fontWeightSemibold" marginBottom="space20">
        {legend}
      </Text>
      {help.length > 0 && (
        <Box id={`${id}-help`} marginBottom="space40">
          {help.map((line) => (
            <HelpText key={line}>{line}</HelpText>
          ))}
        </Box>
      )}
      {children}
    </Box>
  );
}

/** One group, event or identifier inside a part: its own fieldset, so its inputs are read with its name. */
export function RowFieldset({ legend, children }: { legend: string; children: React.ReactNode }) {
  return (
    <Box
      as="fieldset"
      margin="space0"
      marginBottom="space40"
      padding="space40"
      borderStyle="solid"
      borderWidth="borderWidth10"
      borderColor="colorBorderWeak"
      borderRadius="borderRadius20"
    >
      <Text as="legend" fontWeight="fontWeightMedium" paddingX="space20">
        {legend}
      </Text>
      {children}
    </Box>
  );
}

interface AddRowFooterProps {
  /** The add button's id: focus returns to it when the last row is removed. */
  id: string;
  label: string;
  /** What is wrong with the list as a whole (too many rows, a name used twice), if anything. */
  problem?: string;
  disabled: boolean;
  onAdd: () => void;
}

/** Below a list of rows: what is wrong with the list as a whole, and the button that adds a row. */
export function AddRowFooter({ id, label, problem, disabled, onAdd }: AddRowFooterProps) {
  return (
    <>
      {problem && <HelpText variant="error">{problem}</HelpText>}
      <Box marginTop="space30">
        <Button id={id} variant="secondary" disabled={disabled} onClick={onAdd}>
          {label}
        </Button>
      </Box>
    </>
  );
}
