/**
 * /api/v1/staff/desk: the office desk (issue 7) for office clerks, scoped to their office —
 * form MV35 (a dispositive PIN printed at once), the conversion to dispositive in person, and
 * delegations (registered with their documents as multipart, read for a reason, ended).
 */
import type { FastifyInstance } from "fastify";
import { convertAtDesk } from "../../../flows/staff/desk-conversion.ts";
import {
  delegationsForDesk,
  endDelegationAtDesk,
} from "../../../flows/staff/desk-delegation-views.ts";
import { registerDelegation } from "../../../flows/staff/desk-delegations.ts";
import { issueDeskPin } from "../../../flows/staff/desk-mv35.ts";
import type { AppContext } from "../../context.ts";
import { langOf } from "../../lang.ts";
import { staffOf } from "../../staff-request.ts";
import { textPart } from "../../uploads.ts";
import { guarded, json, problem } from "../docs.ts";
import {
  acceptDelegationUploads,
  DELEGATION_BODY_LIMIT,
  DELEGATION_TEXT_FIELDS,
  DELEGATIONS_BODY,
  delegationFiles,
  deskPinPdf,
  deskPinPdfUrl,
  DOCUMENT_SCHEMA,
  sendDeskPinPdf,
} from "./desk-support.ts";
import { REASON_SCHEMA } from "./records.ts";

const tags = ["staff"];
const clerk = { staff: ["office_clerk"] } as const;

export function staffDeskRoutes(ctx: AppContext) {
  return async function staffDesk(app: FastifyInstance): Promise<void> {
    app.post(
      "/staff/desk/mv35",
      {
        config: clerk,
        schema: {
          tags,
          summary: "Form MV35: issue a dispositive PIN to the applicant in person (shown once)",
          body: {
            type: "object",
            required: ["fiscalCode", "document", "mobile", "email", "applicantPresent"],
            properties: {
              fiscalCode: { type: "string" },
              document: DOCUMENT_SCHEMA,
              mobile: { type: "string", description: "E.164 (international prefix)" },
              email: { type: "string", format: "email" },
              applicantPresent: { type: "boolean", const: true },
              reason: REASON_SCHEMA,
              lang: { type: "string", enum: ["it", "en"], description: "Of the holder's messages" },
              requestKey: {
                type: "string",
                description: "One per form: a resubmission is refused",
              },
            },
          },
          response: {
            201: json(
              {
                type: "object",
                properties: {
                  pin: { type: "string", description: "The 16 characters, given only this once" },
                  pdfUrl: { type: "string", description: "One download, same clerk, 5 minutes" },
                  level: { type: "string", enum: ["dispositive"] },
                  replaced: { type: "boolean" },
                  expiresAt: { type: "string", format: "date-time" },
                },
              },
              "PIN issued",
            ),
            ...guarded,
            409: problem,
            422: problem,
          },
        },
      },
      async (req, reply) => {
        const { by, member } = await staffOf(ctx, req);
        const issued = await issueDeskPin(ctx, { by, member, body: req.body });
        return reply
          .code(201)
          .header("cache-control", "no-store")
          .send({
            pin: issued.pin,
            pdfUrl: deskPinPdfUrl(issued.pdfId),
            level: issued.level,
            replaced: issued.replaced,
            expiresAt: issued.expiresAt.toISOString(),
          });
      },
    );

    app.get(
      "/staff/desk/mv35/:id/pin.pdf",
      {
        config: clerk,
        // One download only: no automatic HEAD.
        exposeHeadRoute: false,
        schema: {
          tags,
          summary: "The printable PIN sheet: one download, by the clerk who issued it",
          response: {
            200: {
              description: "PDF",
              content: { "application/pdf": { schema: { type: "string", format: "binary" } } },
            },
            ...guarded,
            404: problem,
          },
        },
      },
      async (req, reply) => {
        const { by, member } = await staffOf(ctx, req);
        const { id } = req.params as { id: string };
        const lang = langOf(req, { acceptLanguage: true });
        return sendDeskPinPdf(reply, await deskPinPdf(ctx, by, member, id, lang));
      },
    );

    app.post(
      "/staff/desk/conversion",
      {
        config: clerk,
        schema: {
          tags,
          summary: "Make the PIN dispositive after the identity document check in person",
          body: {
            type: "object",
            required: ["fiscalCode", "document", "reason"],
            properties: {
              fiscalCode: { type: "string" },
              document: DOCUMENT_SCHEMA,
              reason: REASON_SCHEMA,
            },
          },
          response: {
            200: json(
              {
                type: "object",
                properties: {
                  level: { type: "string", enum: ["dispositive"] },
                  claimsReleased: { type: "array", items: { type: "string" } },
                  requestsClosed: { type: "array", items: { type: "string" } },
                },
              },
              "The PIN is dispositive; claims released; online requests closed",
            ),
            ...guarded,
            409: problem,
            422: problem,
          },
        },
      },
      async (req) => {
        const { by, member } = await staffOf(ctx, req);
        return convertAtDesk(ctx, { by, member, body: req.body });
      },
    );

    app.get(
      "/staff/desk/delegations",
      {
        config: clerk,
        schema: {
          tags,
          summary: "A person's delegations, read for a reason (audited; the person sees it)",
          querystring: {
            type: "object",
            properties: {
              fiscalCode: { type: "string" },
              reasonKind: { type: "string" },
              reasonRef: { type: "string" },
            },
          },
          response: { 200: DELEGATIONS_BODY, ...guarded, 422: problem },
        },
      },
      async (req) => {
        const { by, member } = await staffOf(ctx, req);
        const q = (req.query ?? {}) as Record<string, unknown>;
        return delegationsForDesk(ctx, {
          by,
          member,
          fiscalCode: q.fiscalCode,
          reason: { kind: q.reasonKind, ref: q.reasonRef },
        });
      },
    );

    app.post(
      "/staff/desk/delegations/:id/end",
      {
        config: clerk,
        schema: {
          tags,
          summary: "End a delegation at the desk (audited for both people, both told)",
          body: { type: "object", required: ["reason"], properties: { reason: REASON_SCHEMA } },
          response: {
            200: json({ type: "object" }, "Ended"),
            ...guarded,
            404: problem,
            409: problem,
            422: problem,
          },
        },
      },
      async (req) => {
        const { by, member } = await staffOf(ctx, req);
        const { id } = req.params as { id: string };
        const b = (req.body ?? {}) as { reason?: unknown };
        return endDelegationAtDesk(ctx, { by, member, id, reason: b.reason });
      },
    );

    await app.register(async function delegationUploads(scope: FastifyInstance) {
      await acceptDelegationUploads(scope);
      scope.post(
        "/staff/desk/delegations",
        {
          config: clerk,
          bodyLimit: DELEGATION_BODY_LIMIT,
          schema: {
            tags,
            summary: "Register a delegation (AA08, AA09, AA10) with its documents (multipart)",
            description:
              "Text parts: fiscalCode (delegator), delegateFiscalCode, form, authority (AA10), startDate, endDate (optional for a minor: capped at the day before the 18th birthday), reasonKind, reasonRef. File parts by form: AA08 signedForm, delegatorIdCopy; AA09 signedForm, healthCertificate, delegatorIdOriginal, delegateIdCopy; AA10 signedForm, applicantIdCopy, authorityProof. PDF, JPEG or PNG judged by content, 10 MB each.",
            consumes: ["multipart/form-data"],
            response: {
              201: json(
                {
                  type: "object",
                  properties: {
                    id: { type: "string" },
                    startDate: { type: "string" },
                    endDate: { type: "string" },
                  },
                },
                "Registered",
              ),
              ...guarded,
              409: problem,
              413: problem,
              415: problem,
              422: problem,
            },
          },
        },
        async (req, reply) => {
          const { by, member } = await staffOf(ctx, req);
          const fields = Object.fromEntries(
            DELEGATION_TEXT_FIELDS.map((f) => [f, textPart(req.body, f)?.trim()]),
          );
          const done = await registerDelegation(ctx, {
            by,
            member,
            fields,
            reason: {
              kind: textPart(req.body, "reasonKind"),
              ref: textPart(req.body, "reasonRef"),
            },
            files: delegationFiles(req.body),
          });
          return reply.code(201).send(done);
        },
      );
    });
  };
}
