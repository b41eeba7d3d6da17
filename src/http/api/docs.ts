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
