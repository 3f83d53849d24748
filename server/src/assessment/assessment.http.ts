// The assessment module's HTTP endpoints that are files, not GraphQL: document upload and download,
// and the conclusion notice as PDF. Same session, same policy, same audit trail.
import express, { type Router } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import { fileRequestContext, sendFailure, sendPdf } from '../app/file-routes.ts';
import { AssessmentService, MAX_DOCUMENT_BYTES } from './assessment.service.ts';
import { DOCUMENT_KINDS, type DocumentKind } from './application.entity.ts';
import { renderNotice } from './conclusion-notice.ts';
import { AppError } from '../shared/errors.ts';
import { systemClock } from '../shared/clock.ts';
import { maskIdNumber } from '../shared/masking.ts';
import type { Level } from './standard.ts';

export function assessmentRoutes(orm: MikroORM): Router {
  const router = express.Router();

  async function context(req: express.Request) {
    const c = await fileRequestContext(orm, req);
    return { ...c, service: new AssessmentService(c.em, systemClock, c.audit) };
  }
  const fail = sendFailure;

  // Upload: the body is the file itself; its type in Content-Type, its name in X-Filename (URI-encoded).
  router.post(
    '/assessment-applications/:id/documents',
    express.raw({ type: () => true, limit: MAX_DOCUMENT_BYTES + 1 }),
    async (req, res, next) => {
      try {
        // Like Apollo's CSRF prevention: a browser cannot send this header cross-site without a preflight.
        if (!req.headers['x-filename']) throw new AppError('BAD_USER_INPUT', 'Name the file in X-Filename', { fieldErrors: [{ field: 'filename', reason: 'REQUIRED', message: 'Name the file' }] });
        const kind = String(req.query.kind ?? 'OTHER') as DocumentKind;
        if (!DOCUMENT_KINDS.includes(kind)) throw new AppError('BAD_USER_INPUT', 'Unknown document kind', { fieldErrors: [{ field: 'kind', reason: 'UNKNOWN', message: 'Unknown document kind' }] });
        const { actor, service } = await context(req);
        const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const doc = await service.addDocument(actor, String(req.params.id), { kind, filename: decodeURIComponent(String(req.headers['x-filename'])), contentType: String(req.headers['content-type'] ?? '').split(';')[0]!.trim() }, bytes);
        res.status(201).json({ id: doc.id, filename: doc.filename, size: doc.size, sha256: doc.sha256, url: `/api/documents/${doc.id}` });
      } catch (e) {
        if ((e as { type?: string }).type === 'entity.too.large') {
          res.status(413).json({ error: { code: 'BAD_USER_INPUT', message: 'The file is too large', fieldErrors: [{ field: 'file', reason: 'TOO_LARGE', message: 'At most 10 MB' }] } });
          return;
        }
        fail(res, e, next);
      }
    },
  );

  router.get('/documents/:id', async (req, res, next) => {
    try {
      const { actor, service } = await context(req);
      const { doc, bytes } = await service.readDocument(actor, String(req.params.id));
      res.setHeader('content-type', doc.contentType);
      res.setHeader('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(doc.filename)}`);
      res.setHeader('cache-control', 'private, no-store');
      res.setHeader('x-content-type-options', 'nosniff');
      res.send(bytes);
    } catch (e) {
      fail(res, e, next);
    }
  });

  router.get('/conclusions/:id/notice.pdf', async (req, res, next) => {
    try {
      const { actor, service, em } = await context(req);
      const c = await service.conclusion(actor, String(req.params.id));
      const settings = await service.settings(em, c.poolingArea);
      const pdf = await renderNotice({
        conclusionId: c.id,
        personName: c.person.name,
        idNumberMasked: maskIdNumber(c.person.idNumber),
        address: c.person.address,
        level: c.level as Level,
        qualifies: c.qualifies,
        issuedOn: c.issuedOn,
        effectiveDate: c.effectiveDate,
        validUntil: c.validUntil,
        appealDays: settings.appealDays,
        issuer: '长期护理保险经办机构',
      });
      sendPdf(res, pdf, `conclusion-${c.id}.pdf`);
    } catch (e) {
      fail(res, e, next);
    }
  });

  return router;
}
