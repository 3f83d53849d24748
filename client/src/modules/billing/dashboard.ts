// Reads of the settlement dashboard (结算看板) for fund officers and supervisors: an area's figures over a range of
// months, the areas the viewer may choose among, and the address of the same figures as a workbook. Read from the
// network each time: claims move along while the page is open.
import type { SettlementBucketFieldsFragment, SettlementDashboardQuery as DashboardResult } from '../../lib/gql/graphql';
import { poolingAreasOf } from '../../lib/auth/roles';
import { can, session } from '../../lib/session.svelte';
import { fresh, settle } from '../assessment/assessment';
import { SettlementDashboardQuery } from './dashboard.operations';

export type Dashboard = DashboardResult['settlementDashboard'];
export type Bucket = SettlementBucketFieldsFragment;
export type Deduction = Dashboard['deductions'][number];

export const loadDashboard = (poolingArea: string, from: string, to: string) =>
  settle(fresh(SettlementDashboardQuery, { poolingArea, from, to }), (d) => d.settlementDashboard);

/**
 * The areas whose dashboard the viewer may read: claim.read through an area-wide grant (fund officers, supervisors).
 * Agency staff read claims too, but only their agency's: they have no area, and the server answers NOT_FOUND.
 */
export function dashboardAreas(): string[] {
  return can('claim.read') ? poolingAreasOf(session.viewer?.user.grants ?? []) : [];
}

/** The same figures as an XLSX workbook, a sheet per section (server/src/billing/billing-dashboard-export.ts). */
export const dashboardExportPath = (poolingArea: string, from: string, to: string) =>
  `/api/claims/dashboard.xlsx?${new URLSearchParams({ poolingArea, from, to })}`;
