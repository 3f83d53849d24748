// Demo organisations and one user per role. Demo only: `npm start` in production refuses these passwords.
import { creditCodeCheckChar } from '../server/src/shared/identifiers.ts';
import type { Role } from '../server/src/identity/permissions.ts';

export const DEMO_PASSWORD = 'Changhu-Demo-2026';

const code = (first17: string) => first17 + creditCodeCheckChar(first17);

export const DEMO_AGENCIES = [
  { id: '0b9c6a52-5d3e-4c44-9a57-7a3f1c2d0a01', name: '青岛颐康居家护理服务有限公司', creditCode: code('91370202MA3CK7QL2'), district: '370202' },
  { id: '0b9c6a52-5d3e-4c44-9a57-7a3f1c2d0a02', name: '青岛福寿康养老护理中心', creditCode: code('52370203MJD5830N4'), district: '370203' },
];

export const DEMO_ASSESSMENT_ORG = {
  id: '0b9c6a52-5d3e-4c44-9a57-7a3f1c2d0b01',
  name: '青岛市长期护理失能评估中心',
  creditCode: code('12370200MB1P2853X'),
};

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  agency?: number;
  assessmentOrg?: boolean;
  /** For assessors: qualification, and the demo agency they are tied to (a conflict of interest). */
  qualification?: 'MEDICAL' | 'OTHER';
  relatedAgency?: number;
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', displayName: '系统管理员', role: 'SYSTEM_ADMIN' },
  { username: 'officer', displayName: '王经办', role: 'FUND_OFFICER' },
  { username: 'supervisor', displayName: '李监管', role: 'SUPERVISOR' },
  { username: 'assessor', displayName: '张评估', role: 'ASSESSOR', assessmentOrg: true, qualification: 'MEDICAL' },
  { username: 'assessor2', displayName: '陈评估', role: 'ASSESSOR', assessmentOrg: true, qualification: 'OTHER' },
  { username: 'assessor3', displayName: '周医师', role: 'ASSESSOR', assessmentOrg: true, qualification: 'MEDICAL' },
  { username: 'assessor4', displayName: '吴护士', role: 'ASSESSOR', assessmentOrg: true, qualification: 'MEDICAL', relatedAgency: 0 },
  { username: 'agency', displayName: '赵院长', role: 'AGENCY_ADMIN', agency: 0 },
  { username: 'caregiver', displayName: '刘护理', role: 'CAREGIVER', agency: 0 },
  { username: 'agency2', displayName: '孙主任', role: 'AGENCY_ADMIN', agency: 1 },
];
