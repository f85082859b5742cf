/**
 * The demo seller. The company is fictitious: its SIREN, SIRET and VAT number
 * are made up, but checksum-valid, so the form accepts them. The identity is
 * written as the back office's form receives it, and goes through the same
 * validator. Its legal pages are the back office's templates, filled with it.
 */
export const DEMO_SELLER_FORM = {
  companyName: 'Sabots Martin',
  legalForm: 'SARL',
  addressLine1: '14 rue de la République',
  postalCode: '39400',
  city: 'Morez',
  country: 'FR',
  siren: '987 654 324',
  siret: '987 654 324 00019',
  rcsCity: 'Lons-le-Saunier',
  vatNumber: 'FR 14 987654324',
  shareCapital: '20 000,00',
  email: 'bonjour@comptoir.test',
  phone: '03 84 00 00 00',
  publicationDirector: 'Camille Martin',
  hostName: 'Nuage Démo SAS',
  hostAddress: '1 place de l’Hébergement, 59100 Roubaix, France',
  hostPhone: '03 20 00 00 00',
  mediatorName: 'Médiateur Démo de la consommation',
  mediatorWebsite: 'https://mediateur-demo.example',
}
