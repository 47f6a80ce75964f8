import { UNKNOWN_CALLER_PHONE } from './customers';

/**
 * Demo tasks for the sandbox host, with attributes shaped as Flex really delivers them
 * per channel (voice `from`/`to`, WhatsApp `whatsapp:+…`, web chat pre-engagement data,
 * email `customerAddress`, outbound `outbound_to`).
 */
export interface DemoTask {
  taskSid: string;
  reservationSid: string;
  queueName: string;
  taskChannelUniqueName: 'voice' | 'chat' | 'email';
  channelType: 'voice' | 'whatsapp' | 'web' | 'email' | 'sms';
  label: string;
  attributes: Record<string, unknown>;
}

const CONTACT_CENTER = '+18005550199';

export const DEMO_TASKS: DemoTask[] = [
  {
    taskSid: 'WT00000000000000000000000000000001',
    reservationSid: 'WR00000000000000000000000000000001',
    queueName: 'Support',
    taskChannelUniqueName: 'voice',
    channelType: 'voice',
    label: 'Inbound call',
    attributes: { direction: 'inbound', from: '+14155550100', to: CONTACT_CENTER, name: '+14155550100' },
  },
  {
    taskSid: 'WT00000000000000000000000000000002',
    reservationSid: 'WR00000000000000000000000000000002',
    queueName: 'Messaging',
    taskChannelUniqueName: 'chat',
    channelType: 'whatsapp',
    label: 'WhatsApp',
    attributes: {
      channelType: 'whatsapp',
      from: 'whatsapp:+447700900123',
      name: 'whatsapp:+447700900123',
      direction: 'inbound',
    },
  },
  {
    taskSid: 'WT00000000000000000000000000000003',
    reservationSid: 'WR00000000000000000000000000000003',
    queueName: 'Messaging',
    taskChannelUniqueName: 'chat',
    channelType: 'web',
    label: 'Web chat',
    attributes: {
      channelType: 'web',
      from: 'Priya',
      name: 'Priya',
      direction: 'inbound',
      pre_engagement_data: { friendlyName: 'Priya', email: 'Priya.Patel@Example.com', question: 'Upgrade my trial?' },
    },
  },
  {
    taskSid: 'WT00000000000000000000000000000004',
    reservationSid: 'WR00000000000000000000000000000004',
    queueName: 'Email',
    taskChannelUniqueName: 'email',
    channelType: 'email',
    label: 'Email',
    attributes: {
      direction: 'inbound',
      customerName: 'Marcus Johnson',
      customerAddress: 'marcus.johnson@example.org',
      subject: 'Invoice question',
    },
  },
  {
    taskSid: 'WT00000000000000000000000000000005',
    reservationSid: 'WR00000000000000000000000000000005',
    queueName: 'Support',
    taskChannelUniqueName: 'voice',
    channelType: 'voice',
    label: 'Unknown caller',
    attributes: { direction: 'inbound', from: UNKNOWN_CALLER_PHONE, to: CONTACT_CENTER, name: UNKNOWN_CALLER_PHONE },
  },
  {
    taskSid: 'WT00000000000000000000000000000006',
    reservationSid: 'WR00000000000000000000000000000006',
    queueName: 'Outbound',
    taskChannelUniqueName: 'voice',
    channelType: 'voice',
    label: 'Outbound call',
    attributes: {
      direction: 'outbound',
      from: CONTACT_CENTER,
      to: '+393471234567',
      outbound_to: '+393471234567',
      name: 'Sofia Rossi',
    },
  },
];
