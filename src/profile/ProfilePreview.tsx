import * as React from 'react';

import type { CustomerProfile } from '../../serverless/src/profile/types';
import { ProfileView } from './ProfileView';

/**
 * A profile as the Customer tab shows it, without an agent's actions or more history: for the Unify
 * view's preview, which the plugin hands this to (features do not import each other). It sits under
 * the preview's h3, so the name is an h4 and its sections are groups, not landmarks of the admin page.
 */
export function ProfilePreview({ profile, fetchedAt }: { profile: CustomerProfile; fetchedAt: number }) {
  return (
    <ProfileView
      profile={profile}
      lookup={{ status: 'found', requestId: 'unify-preview', fetchedAt }}
      linked={false}
      now={fetchedAt}
      headingLevelOffset={2}
    />
  );
}
