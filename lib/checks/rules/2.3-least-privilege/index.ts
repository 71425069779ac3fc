import type { Rule } from '../../types';
import { NoAdminManagedPolicy } from './no-admin-managed-policy';
import { NoPublicPrincipal } from './no-public-principal';
import { NoWildcardGrant } from './no-wildcard-grant';
import { OidcTrustRestricted } from './oidc-trust-restricted';
import { ScopedWriteActions } from './scoped-write-actions';

/** The rules of DPP 2.3 Least Privilege Access. One rule per file in this folder; list each here. */
export const rules: readonly Rule[] = [NoWildcardGrant, NoAdminManagedPolicy, NoPublicPrincipal, ScopedWriteActions, OidcTrustRestricted];
