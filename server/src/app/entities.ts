// Every entity of every module, registered with MikroORM explicitly (no folder scanning).
import { Region } from '../regions/region.entity.ts';
import { InsuredPerson } from '../people/insured-person.entity.ts';
import { Agency, AssessmentOrg } from '../identity/org.entity.ts';
import { RoleGrant, User } from '../identity/user.entity.ts';
import { Session } from '../identity/session.entity.ts';
import { AgencyClient } from '../identity/agency-client.entity.ts';
import { Assessor } from '../assessment/assessor.entity.ts';
import { Application, ApplicationDocument, Objection, Task } from '../assessment/application.entity.ts';
import { AssessmentSettingsRow, Conclusion } from '../assessment/conclusion.entity.ts';
import { BenefitSettingsVersion, CarePlan, CarePlanLine, CarePlanVersion, DeviceType } from '../careplan/careplan.entity.ts';
import { BeneficiaryCard, CareStay, CaregiverAssignment, HospitalStay, VisitFinding, VisitSettingsRow } from '../visits/visits.entity.ts';
import { CatalogueItem, Caregiver, Contract, Employment, Evaluation, EvaluationSheetRow, PriceSchedule, Violation } from '../providers/providers.entity.ts';

export const entities = [
  Region,
  InsuredPerson,
  Agency,
  AssessmentOrg,
  User,
  RoleGrant,
  Session,
  AgencyClient,
  Assessor,
  Application,
  Task,
  ApplicationDocument,
  Objection,
  Conclusion,
  AssessmentSettingsRow,
  Contract,
  PriceSchedule,
  CatalogueItem,
  Caregiver,
  Employment,
  Evaluation,
  Violation,
  EvaluationSheetRow,
  BenefitSettingsVersion,
  DeviceType,
  CarePlan,
  CarePlanVersion,
  CarePlanLine,
  VisitFinding,
  CaregiverAssignment,
  HospitalStay,
  CareStay,
  VisitSettingsRow,
  BeneficiaryCard,
];
