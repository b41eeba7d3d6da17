/**
 * Invented Italian employers and a rough wage curve, so contribution histories name
 * plausible firms and carry plausible amounts for their decade.
 */

export const EMPLOYERS = [
  "Officine Meccaniche Subalpine S.p.A.",
  "Acciaierie del Tirreno S.p.A.",
  "Cantiere Navale Adriatico S.p.A.",
  "Tessitura Biellese Riunita S.p.A.",
  "Edilizia Meridionale S.r.l.",
  "Impresa Edile F.lli Russo S.n.c.",
  "Cooperativa Agricola San Michele",
  "Oleificio del Sud S.n.c.",
  "Calzaturificio Marchigiano S.r.l.",
  "Elettromeccanica Lombarda S.p.A.",
  "Mobilificio Brianza S.r.l.",
  "Ceramiche Emiliane S.p.A.",
  "Trasporti Veloci Padani S.r.l.",
  "Pastificio Campano S.p.A.",
  "Conservificio Salernitano S.p.A.",
  "Zuccherificio Veneto S.p.A.",
  "Industria Chimica Ligure S.p.A.",
  "Albergo Bellavista S.a.s.",
  "Trattoria Da Gino di Esposito G.",
  "Cartiera del Friuli S.p.A.",
  "Vetreria Toscana S.r.l.",
  "Miniere Sarde Riunite S.p.A.",
  "Autolinee Calabresi S.r.l.",
  "Banca Popolare del Mezzogiorno",
] as const;

/** Rough yearly pay in euro for a full year of work, to give contributions plausible sizes. */
export const WAGE_ANCHORS: readonly (readonly [number, number])[] = [
  [1950, 150],
  [1955, 250],
  [1960, 400],
  [1965, 650],
  [1970, 1000],
  [1975, 2000],
  [1980, 4500],
  [1985, 8500],
  [1990, 12000],
  [1995, 15000],
  [2000, 17500],
  [2005, 20000],
  [2010, 22500],
  [2015, 24000],
  [2020, 25000],
  [2026, 27500],
];
