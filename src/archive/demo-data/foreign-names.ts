/**
 * Local first names and surnames used in the country profiles, for demo people born
 * abroad (given names) or married into a local family (surnames).
 */
import type { GivenNames } from "../demo/types.ts";

export const SPANISH_GIVEN: GivenNames = {
  M: [
    "Juan Carlos",
    "Agustín",
    "Matías",
    "Martín",
    "Sebastián",
    "José Luis",
    "Andrés",
    "Diego",
    "Tomás",
    "Nicolás",
  ],
  F: [
    "María José",
    "Sofía",
    "Lucía",
    "Valentina",
    "Camila",
    "Ana Belén",
    "Florencia",
    "Julieta",
    "Inés",
    "Ximena",
  ],
};
export const SPANISH_SURNAMES: readonly string[] = [
  "González",
  "Rodríguez",
  "Fernández",
  "López",
  "Martínez",
  "Pérez",
  "Gómez",
  "Díaz",
  "Álvarez",
  "Muñoz",
];
export const ENGLISH_GIVEN: GivenNames = {
  M: ["James", "Michael", "David", "Daniel", "Christopher", "Matthew", "Ryan", "Anthony"],
  F: ["Emily", "Sarah", "Jessica", "Ashley", "Olivia", "Megan", "Rachel", "Chloe"],
};
export const ENGLISH_SURNAMES: readonly string[] = [
  "Smith",
  "Johnson",
  "Brown",
  "Taylor",
  "Wilson",
  "O'Brien",
  "Walsh",
  "Thompson",
];
export const GERMAN_GIVEN: GivenNames = {
  M: ["Jürgen", "Jörg", "Lukas", "Stefan", "Matthias", "Tobias", "Andreas", "Uwe"],
  F: ["Sabine", "Katrin", "Jana", "Jessica", "Anja", "Birgit", "Ute", "Lea"],
};
export const GERMAN_SURNAMES: readonly string[] = [
  "Müller",
  "Schmidt",
  "Schneider",
  "Fischer",
  "Weber",
  "Meyer",
  "Wagner",
  "Köhler",
];
export const FRENCH_GIVEN: GivenNames = {
  M: ["François", "Jérôme", "Olivier", "Sébastien", "Thierry", "Benoît", "Cédric", "Loïc"],
  F: ["Hélène", "Céline", "Sophie", "Amélie", "Chloé", "Élodie", "Nathalie", "Maëlle"],
};
export const FRENCH_SURNAMES: readonly string[] = [
  "Dubois",
  "Lefèvre",
  "Moreau",
  "Laurent",
  "Girard",
  "Lemaire",
  "Peeters",
  "Janssens",
];
export const PORTUGUESE_GIVEN: GivenNames = {
  M: ["João", "Gabriel", "Lucas", "Rafael", "Thiago", "Luís Fernando", "Caio", "Vinícius"],
  F: ["Luíza", "Júlia", "Ana Clara", "Beatriz", "Letícia", "Mariana", "Fernanda", "Gabriela"],
};
export const PORTUGUESE_SURNAMES: readonly string[] = [
  "Silva",
  "Santos",
  "Oliveira",
  "Souza",
  "Pereira",
  "Lima",
  "Carvalho",
  "Gonçalves",
];
