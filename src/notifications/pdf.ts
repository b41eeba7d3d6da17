/** Facade: the PDF documents live in ./pdf/ (see ./pdf/index.ts). */
export * from "./pdf/index.ts";
