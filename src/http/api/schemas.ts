/**
 * OpenAPI descriptions of the API routes. Request bodies are generated from the same zod
 * schemas the flows validate with; fastify's own validator is switched off (see app.ts), so
 * these documents can never disagree with the validation that actually runs.
 */
import { z } from "zod";
import { claimBodySchema } from "../../flows/claim-input.ts";

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: "any",
    target: "draft-7",
  });
  return rest;
}

const problem = {
  description: "RFC 9457 problem details",
  content: {
    "application/problem+json": {
      schema: {
        type: "object",
        properties: {
          type: { type: "string" },
          title: { type: "string" },
          status: { type: "integer" },
          detail: { type: "string" },
          code: { type: "string" },
          instance: { type: "string" },
          errors: {
            type: "array",
            items: {
              type: "object",
              properties: {
                field: { type: "string" },
                code: { type: "string" },
                detail: { type: "string" },
              },
            },
          },
        },
      },
    },
  },
};

const json = (schema: Record<string, unknown>, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

const pinExpiry = {
  type: "object",
  properties: {
    setAt: { type: "string", format: "date-time" },
    expiresAt: { type: "string", format: "date-time" },
  },
};

export const createClaim = {
  tags: ["claim"],
  summary: "Claim a PIN online (Richiedi PIN)",
  description:
    "Runs every automatic check against the archive. Passing claims are issued an ordinary 16-character PIN (first half by SMS or e-mail, second half by letter). Any failed check puts the claim in the outbound verification queue; the answer is the same whatever the reason. Residence in Italy or an Italian document is refused (use SPID/CIE/CNS).",
  body: jsonSchema(claimBodySchema),
  response: {
    202: json(
      {
        type: "object",
        properties: {
          claimId: { type: "string", format: "uuid" },
          status: { type: "string", enum: ["issued", "under_verification"] },
        },
      },
      "Claim accepted",
    ),
    400: problem,
    409: problem,
    422: problem,
  },
};

export const createSession = {
  tags: ["session"],
  summary: "Log in with fiscal code and PIN",
  description:
    "10 consecutive wrong PINs lock the fiscal code for 5 minutes (423); an attempt during the lock restarts it. A 16-character initial PIN answers status pin_change_required; an operating PIN older than 6 months answers renewal_required.",
  body: {
    type: "object",
    required: ["fiscalCode", "pin"],
    properties: {
      fiscalCode: { type: "string", example: "RSSMRA50B17A558W" },
      pin: { type: "string" },
    },
  },
  response: {
    200: json(
      {
        type: "object",
        properties: {
          status: {
            type: "string",
            enum: ["pin_change_required", "renewal_required", "authenticated"],
          },
          level: { type: "string", enum: ["ordinary", "dispositive"] },
          next: { type: "string" },
        },
      },
      "Logged in; the session cookie is set",
    ),
    401: problem,
    403: problem,
    422: problem,
    423: problem,
  },
};

export const deleteSession = {
  tags: ["session"],
  summary: "Log out",
  response: { 204: { description: "Logged out" } },
};

const newPin = json(
  {
    type: "object",
    properties: {
      pin: { type: "string", description: "The new 8-character PIN, shown only in this answer" },
      level: { type: "string" },
      setAt: { type: "string", format: "date-time" },
      expiresAt: { type: "string", format: "date-time" },
    },
  },
  "New operating PIN",
);

export const activatePin = {
  tags: ["pin"],
  summary: "First access: generate the 8-character PIN",
  response: { 201: newPin, 401: problem, 409: problem },
};

export const renewPin = {
  tags: ["pin"],
  summary: "Renewal of an expired PIN: generate a new 8-character PIN",
  response: { 201: newPin, 401: problem, 409: problem },
};

export const me = {
  tags: ["consultation"],
  summary: "The logged-in person",
  response: {
    200: json(
      {
        type: "object",
        properties: {
          fiscalCode: { type: "string" },
          surname: { type: "string" },
          givenNames: { type: "string" },
          level: { type: "string" },
          pin: pinExpiry,
        },
      },
      "Who is logged in",
    ),
    401: problem,
    403: problem,
  },
};

export const contributions = {
  tags: ["consultation"],
  summary: "Contribution statement (estratto conto contributivo)",
  response: { 200: json({ type: "object" }, "Periods and totals"), 401: problem, 403: problem },
};

export const pensionSlips = {
  tags: ["consultation"],
  summary: "Pension slips (cedolino), newest first",
  response: { 200: json({ type: "object" }, "Monthly payments"), 401: problem, 403: problem },
};
