// Findings just stored go out live: the visits service hands them over here, in its transaction.
import type { EntityManager } from '@mikro-orm/postgresql';
import { publishFindings } from './finding-events.ts';
import type { FindingPublisher } from './visits.service.ts';

export const publishFindingEvents: FindingPublisher = (em: EntityManager, found) =>
  publishFindings(
    em,
    found.map(({ finding: f, agencyName, personName, caregiverName }) => ({
      id: f.id,
      visitId: f.visitId,
      rule: f.rule,
      action: f.action,
      status: f.status,
      poolingArea: f.poolingArea,
      agencyId: f.agency.id,
      agencyName,
      personId: f.person.id,
      personName,
      caregiverId: f.caregiver.id,
      caregiverName,
      visitAt: f.visitAt.toISOString(),
      summary: f.summary,
      evidence: f.evidence,
      createdAt: f.createdAt.toISOString(),
    })),
  );
