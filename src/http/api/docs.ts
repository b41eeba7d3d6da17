/**
 * OpenAPI building blocks shared by the API resources. Request bodies are generated from the
 * zod schemas the flows validate with; fastify's own validator is switched off (app.ts), so
 * the documents can never disagree with the validation that actually runs.
 */
import { z } from "zod";

export function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: "any",
    target: "draft-7",
  });
  return rest;
}

export const problem = {
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

export const json = (schema: Record<string, unknown>, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** The answers every route behind a session may give. */
export const guarded = { 401: problem, 403: problem } as const;

/** The neutral answer of the anonymous requests (recovery, revocation, letter resend). */
export const received = json(
  { type: "object", properties: { status: { type: "string", enum: ["received"] } } },
  "Request received (the same answer whatever happened)",
);

/** The body of a confirmation link's use. */
export const linkTokenBody = {
  type: "object",
  properties: { token: { type: "string", maxLength: 100 } },
  required: ["token"],
};

/** The refusals an anonymous request may get before its neutral answer. */
export const anonymousRefusals = {
  400: problem,
  403: problem,
  415: problem,
  422: problem,
  429: problem,
} as const;
