/**
 * Hand-made people at the top of the demo archive: easy-to-type eligible people for
 * demos and manual tests, and twins and namesakes whose fiscal codes collide so the
 * archive holds omocodes.
 */
import type { PostalAddress } from "../../domain/archive.ts";
import type { Identity } from "../demo/types.ts";

export interface ShowcasePerson {
  id: Identity;
  country: string;
  residence: PostalAddress;
  mobile: string;
  email: string;
  pec?: string;
  emigrationYear?: number;
}

/** Eligible people resident in AR, BR, DE, US and AU, in this order. */
export const SHOWCASE_PEOPLE: readonly ShowcasePerson[] = [
  {
    id: {
      surname: "Neri",
      givenNames: "Luca",
      sex: "M",
      birthDate: "1950-05-12",
      birthPlaceCode: "H224",
    },
    country: "AR",
    residence: {
      line1: "Avenida Corrientes 1234",
      line2: "Piso 5, Depto. B",
      city: "Buenos Aires",
      region: "Ciudad Autónoma de Buenos Aires",
      postalCode: "C1043AAZ",
      country: "AR",
    },
    mobile: "+5491145671234",
    email: "luca.neri@example.com",
    emigrationYear: 1975,
  },
  {
    id: {
      surname: "Sala",
      givenNames: "Ana",
      sex: "F",
      birthDate: "1975-08-21",
      birthPlaceCode: "Z602",
    },
    country: "BR",
    residence: {
      line1: "Rua Augusta, 500",
      line2: "Apto 42",
      city: "São Paulo",
      region: "SP",
      postalCode: "01305-000",
      country: "BR",
    },
    mobile: "+5511987654321",
    email: "ana.sala@example.com",
    pec: "ana.sala.pec@example.org",
  },
  {
    id: {
      surname: "Bono",
      givenNames: "Marco",
      sex: "M",
      birthDate: "1958-09-20",
      birthPlaceCode: "A662",
    },
    country: "DE",
    residence: { line1: "Königstraße 12", city: "Stuttgart", postalCode: "70173", country: "DE" },
    mobile: "+4915123456780",
    email: "marco.bono@example.net",
    emigrationYear: 1982,
  },
  {
    id: {
      surname: "Conti",
      givenNames: "Rita",
      sex: "F",
      birthDate: "1988-02-29",
      birthPlaceCode: "Z404",
    },
    country: "US",
    residence: {
      line1: "245 Mulberry Street",
      line2: "Apt 3C",
      city: "New York",
      region: "NY",
      postalCode: "10012",
      country: "US",
    },
    mobile: "+12125550147",
    email: "rita.conti@example.com",
  },
  {
    id: {
      surname: "Fava",
      givenNames: "Paolo",
      sex: "M",
      birthDate: "1945-11-03",
      birthPlaceCode: "E506",
    },
    country: "AU",
    residence: {
      line1: "180 Lygon Street",
      city: "Melbourne",
      region: "VIC",
      postalCode: "3053",
      country: "AU",
    },
    mobile: "+61412345678",
    email: "paolo.fava@example.org",
    emigrationYear: 1968,
  },
];

/**
 * Twins sharing a home, and the country they live in: Mario/Mauro both encode to "MRA",
 * Maria/Mara to "MRA", Giovanni/Gianni to "GNN".
 */
export const OMOCODE_TWINS: readonly (readonly [Identity, Identity, string])[] = [
  [
    {
      surname: "Esposito",
      givenNames: "Mario",
      sex: "M",
      birthDate: "1956-04-02",
      birthPlaceCode: "F839",
    },
    {
      surname: "Esposito",
      givenNames: "Mauro",
      sex: "M",
      birthDate: "1956-04-02",
      birthPlaceCode: "F839",
    },
    "AR",
  ],
  [
    {
      surname: "Greco",
      givenNames: "Maria",
      sex: "F",
      birthDate: "1962-07-15",
      birthPlaceCode: "A662",
    },
    {
      surname: "Greco",
      givenNames: "Mara",
      sex: "F",
      birthDate: "1962-07-15",
      birthPlaceCode: "A662",
    },
    "DE",
  ],
  [
    {
      surname: "Bruno",
      givenNames: "Giovanni",
      sex: "M",
      birthDate: "1979-10-30",
      birthPlaceCode: "Z602",
    },
    {
      surname: "Bruno",
      givenNames: "Gianni",
      sex: "M",
      birthDate: "1979-10-30",
      birthPlaceCode: "Z602",
    },
    "BR",
  ],
];

/** Three unrelated namesakes born the same day in Palermo: omocodia levels 0, 1 and 2. */
export const NAMESAKE: Identity = {
  surname: "Russo",
  givenNames: "Giuseppe",
  sex: "M",
  birthDate: "1948-03-19",
  birthPlaceCode: "G273",
};
export const NAMESAKE_COUNTRIES: readonly string[] = ["CH", "BE", "CA"];
