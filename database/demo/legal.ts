/**
 * The demo seller and its CGV. The company is fictitious: its SIREN, SIRET and
 * VAT number are made up, but checksum-valid, so the form accepts them. The
 * identity is written as the back office's form receives it, and goes through
 * the same validator.
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

/**
 * The boxed text on the legal guarantees that CGV must reproduce (annex to
 * article D. 211-2 of the Code de la consommation, since 1 October 2022), as
 * a Markdown quote: the storefront and the PDF draw it boxed (P-10).
 */
const GUARANTEE_BOX_FR = `> Le consommateur dispose d'un délai de deux ans à compter de la délivrance du bien pour obtenir la mise en œuvre de la garantie légale de conformité en cas d'apparition d'un défaut de conformité. Durant ce délai, le consommateur n'est tenu d'établir que l'existence du défaut de conformité et non la date d'apparition de celui-ci.
>
> Lorsque le contrat de vente du bien prévoit la fourniture d'un contenu numérique ou d'un service numérique de manière continue pendant une durée supérieure à deux ans, la garantie légale est applicable à ce contenu numérique ou ce service numérique tout au long de la période de fourniture prévue. Durant ce délai, le consommateur n'est tenu d'établir que l'existence du défaut de conformité affectant le contenu numérique ou le service numérique et non la date d'apparition de celui-ci.
>
> La garantie légale de conformité emporte obligation pour le professionnel, le cas échéant, de fournir toutes les mises à jour nécessaires au maintien de la conformité du bien.
>
> La garantie légale de conformité donne au consommateur droit à la réparation ou au remplacement du bien dans un délai de trente jours suivant sa demande, sans frais et sans inconvénient majeur pour lui.
>
> Si le bien est réparé dans le cadre de la garantie légale de conformité, le consommateur bénéficie d'une extension de six mois de la garantie initiale.
>
> Si le consommateur demande la réparation du bien, mais que le vendeur impose le remplacement, la garantie légale de conformité est renouvelée pour une période de deux ans à compter de la date de remplacement du bien.
>
> Le consommateur peut obtenir une réduction du prix d'achat en conservant le bien ou mettre fin au contrat en se faisant rembourser intégralement contre restitution du bien, si :
>
> 1° Le professionnel refuse de réparer ou de remplacer le bien ;
>
> 2° La réparation ou le remplacement du bien intervient après un délai de trente jours ;
>
> 3° La réparation ou le remplacement du bien occasionne un inconvénient majeur pour le consommateur, notamment lorsque le consommateur supporte définitivement les frais de reprise ou d'enlèvement du bien non conforme, ou s'il supporte les frais d'installation du bien réparé ou de remplacement ;
>
> 4° La non-conformité du bien persiste en dépit de la tentative de mise en conformité du vendeur restée infructueuse.
>
> Le consommateur a également droit à une réduction du prix du bien ou à la résolution du contrat lorsque le défaut de conformité est si grave qu'il justifie que la réduction du prix ou la résolution du contrat soit immédiate. Le consommateur n'est alors pas tenu de demander la réparation ou le remplacement du bien au préalable.
>
> Le consommateur n'a pas droit à la résolution de la vente si le défaut de conformité est mineur.
>
> Toute période d'immobilisation du bien en vue de sa réparation ou de son remplacement suspend la garantie qui restait à courir jusqu'à la délivrance du bien remis en état.
>
> Les droits mentionnés ci-dessus résultent de l'application des articles L. 217-1 à L. 217-32 du code de la consommation.
>
> Le vendeur qui fait obstacle de mauvaise foi à la mise en œuvre de la garantie légale de conformité encourt une amende civile d'un montant maximal de 300 000 euros, qui peut être porté jusqu'à 10 % du chiffre d'affaires moyen annuel (article L. 241-5 du code de la consommation).
>
> Le consommateur bénéficie également de la garantie légale des vices cachés en application des articles 1641 à 1649 du code civil, pendant une durée de deux ans à compter de la découverte du défaut. Cette garantie donne droit à une réduction de prix si le bien est conservé ou à un remboursement intégral contre restitution du bien.`

const GUARANTEE_BOX_EN = `> The consumer has two years from delivery of the goods to have the legal guarantee of conformity applied when a lack of conformity appears. During this period, the consumer only has to establish that the lack of conformity exists, not when it appeared.
>
> Where the contract for the sale of the goods provides for digital content or a digital service supplied continuously for more than two years, the legal guarantee applies to that digital content or service throughout the planned supply period. During this period, the consumer only has to establish that the lack of conformity affecting the digital content or service exists, not when it appeared.
>
> The legal guarantee of conformity obliges the trader, where applicable, to supply every update needed to keep the goods in conformity.
>
> The legal guarantee of conformity entitles the consumer to have the goods repaired or replaced within thirty days of the request, free of charge and without major inconvenience.
>
> If the goods are repaired under the legal guarantee of conformity, the initial guarantee is extended by six months.
>
> If the consumer asks for repair but the seller imposes replacement, the legal guarantee of conformity is renewed for two years from the date of replacement.
>
> The consumer may obtain a price reduction while keeping the goods, or end the contract and be refunded in full against return of the goods, if:
>
> 1. the trader refuses to repair or replace the goods;
> 2. the repair or replacement takes place after thirty days;
> 3. the repair or replacement causes the consumer a major inconvenience, in particular where the consumer finally bears the cost of taking back or removing the non-conforming goods, or the cost of installing the repaired or replacement goods;
> 4. the goods remain non-conforming despite the seller's unsuccessful attempt to bring them into conformity.
>
> The consumer is also entitled to a price reduction or to termination of the contract where the lack of conformity is so serious that an immediate price reduction or termination is justified. The consumer then does not have to ask for repair or replacement first.
>
> The consumer is not entitled to terminate the sale if the lack of conformity is minor.
>
> Any period during which the goods are out of use for repair or replacement suspends the remaining guarantee period until the repaired goods are handed back.
>
> These rights result from articles L. 217-1 to L. 217-32 of the French Consumer Code.
>
> A seller who obstructs the legal guarantee of conformity in bad faith faces a civil fine of up to 300,000 euros, which may be raised to 10% of average annual turnover (article L. 241-5 of the French Consumer Code).
>
> The consumer also benefits from the legal guarantee against hidden defects under articles 1641 to 1649 of the French Civil Code, for two years from discovery of the defect. This guarantee entitles the consumer to a price reduction if the goods are kept, or to a full refund against return of the goods.`

export const DEMO_TERMS_FR = `Les présentes conditions générales de vente (CGV) s'appliquent à toute commande passée sur la boutique en ligne Comptoir démo par un consommateur. Elles sont rédigées en français ; une traduction anglaise est proposée pour information, la version française faisant foi.

## Article 1 – Vendeur

La boutique est exploitée par **Sabots Martin**, SARL au capital de 20 000,00 €, dont le siège est situé 14 rue de la République, 39400 Morez, France, immatriculée au RCS de Lons-le-Saunier sous le numéro 987 654 324 (SIRET 987 654 324 00019), TVA intracommunautaire FR14987654324.

- Téléphone : 03 84 00 00 00 (du lundi au vendredi, de 9 h à 17 h, prix d'un appel local)
- E-mail : bonjour@comptoir.test
- Adresse postale : Sabots Martin, 14 rue de la République, 39400 Morez

Sabots Martin répond des garanties légales décrites à l'article 9 ; le service client traite toute réclamation à ces coordonnées.

## Article 2 – Produits

Les caractéristiques essentielles de chaque produit (matières, pointures, dimensions, entretien) figurent sur sa fiche. Les photographies sont aussi fidèles que possible ; le bois et le cuir étant des matières naturelles, de légères variations de teinte et de veinage sont possibles. Les produits sont proposés dans la limite des stocks disponibles, indiqués sur chaque fiche.

Les sabots gravés ou fabriqués sur mesure sont confectionnés selon vos spécifications : ils ne peuvent pas faire l'objet d'un droit de rétractation (article 8). Cette exception est indiquée sur la fiche du produit avant la commande.

## Article 3 – Prix

Les prix sont indiqués en euros, toutes taxes comprises (TVA française incluse). Ils ne comprennent pas les frais de livraison, qui dépendent du mode choisi, du poids et de la destination : leur montant est affiché avant la validation de la commande et rappelé dans le récapitulatif. La livraison est offerte en France métropolitaine à partir de 60 € d'achat ; le retrait en boutique est gratuit.

Le prix applicable est celui affiché au moment de la commande. Aucun frais supplémentaire n'est appliqué selon le moyen de paiement.

## Article 4 – Commande

Vous passez commande en suivant ces étapes :

1. vous choisissez vos produits et leur pointure, puis les ajoutez au panier ;
2. vous vous identifiez ou poursuivez sans créer de compte ;
3. vous indiquez vos adresses de livraison et de facturation ;
4. vous choisissez le mode de livraison (à domicile, en point relais ou retrait en boutique) ;
5. vous choisissez le moyen de paiement ;
6. un récapitulatif présente les produits, leur prix, les frais de livraison et le total à payer : vous pouvez encore corriger chaque élément ;
7. vous prenez connaissance des présentes CGV et les acceptez ;
8. vous confirmez en cliquant sur le bouton **« Commander avec obligation de paiement »**. Ce clic vaut conclusion du contrat et obligation de payer.

Nous accusons réception de votre commande par e-mail sans délai. La confirmation du contrat, avec les présentes CGV et le formulaire de rétractation, vous est adressée sur un support durable (e-mail et PDF) au plus tard à l'expédition.

Le contrat peut être conclu en français ou en anglais. Nous archivons les commandes d'un montant égal ou supérieur à 120 € pendant dix ans et vous y donnons accès sur simple demande.

## Article 5 – Paiement

Le prix est payable à la commande, par l'un des moyens proposés :

- **carte bancaire**, par l'intermédiaire d'un prestataire de paiement sécurisé ; nous ne conservons jamais les données de votre carte ;
- **virement bancaire** : la commande est préparée dès réception des fonds ; sans paiement dans les 7 jours, elle est annulée ;
- **paiement en boutique** (carte, espèces ou chèque) pour les commandes à retirer en boutique.

## Article 6 – Livraison

Nous livrons en France métropolitaine (Corse comprise), en Belgique et au Luxembourg. Les modes, les tarifs et les délais proposés sont affichés avant la validation de la commande : en France métropolitaine, comptez 2 à 3 jours ouvrés après l'expédition. Le retrait gratuit est possible dans nos boutiques de Lyon, Annecy et Besançon, dès que nous vous prévenons que votre commande est prête.

À défaut de date indiquée, nous livrons au plus tard trente jours après la conclusion du contrat. En cas de retard, vous pouvez nous enjoindre de livrer dans un délai supplémentaire raisonnable, puis, à défaut, résoudre le contrat par lettre ou par e-mail ; nous vous remboursons alors toutes les sommes versées dans les quatorze jours.

Les risques de perte ou d'endommagement vous sont transférés lorsque vous, ou la personne que vous avez désignée (autre que le transporteur), prenez physiquement possession des produits.

## Article 7 – Service client et réclamations

Pour toute question ou réclamation, écrivez-nous à bonjour@comptoir.test ou appelez-nous au 03 84 00 00 00. Nous répondons sous deux jours ouvrés.

## Article 8 – Droit de rétractation

Vous avez le droit de vous rétracter du présent contrat sans donner de motif dans un délai de **quatorze jours**. Le délai de rétractation expire quatorze jours après le jour où vous-même, ou un tiers autre que le transporteur et désigné par vous, prenez physiquement possession du bien ; pour une commande livrée en plusieurs fois, à compter de la réception du dernier bien. Si le délai expire un samedi, un dimanche ou un jour férié ou chômé, il est prolongé jusqu'au premier jour ouvrable suivant.

Pour exercer le droit de rétractation, vous devez nous notifier votre décision de rétractation (Sabots Martin, 14 rue de la République, 39400 Morez, bonjour@comptoir.test, 03 84 00 00 00) au moyen d'une déclaration dénuée d'ambiguïté (par exemple, lettre envoyée par la poste ou courrier électronique). Vous pouvez utiliser le modèle de formulaire de rétractation ci-dessous, mais ce n'est pas obligatoire.

Vous pouvez également exercer votre droit de rétractation en ligne, gratuitement, grâce à la fonction « renoncer au contrat ici » accessible depuis la page « Droit de rétractation » du site et depuis le suivi de votre commande. Nous vous adressons sans délai, par e-mail, un accusé de réception indiquant le contenu de votre rétractation ainsi que la date et l'heure de son envoi.

Pour que le délai de rétractation soit respecté, il suffit que vous transmettiez votre communication relative à l'exercice du droit de rétractation avant l'expiration du délai.

**Effets de la rétractation.** En cas de rétractation de votre part, nous vous rembourserons tous les paiements reçus de vous, y compris les frais de livraison (à l'exception des frais supplémentaires découlant du fait que vous avez choisi, le cas échéant, un mode de livraison autre que le mode moins coûteux de livraison standard proposé par nous) sans retard excessif et, en tout état de cause, au plus tard quatorze jours à compter du jour où nous sommes informés de votre décision de rétractation du présent contrat. Nous procéderons au remboursement en utilisant le même moyen de paiement que celui que vous aurez utilisé pour la transaction initiale, sauf si vous convenez expressément d'un moyen différent ; en tout état de cause, ce remboursement n'occasionnera pas de frais pour vous. Nous pouvons différer le remboursement jusqu'à ce que nous ayons reçu le bien ou jusqu'à ce que vous ayez fourni une preuve d'expédition du bien, la date retenue étant celle du premier de ces faits.

Vous devez renvoyer le bien, ou le rapporter dans l'une de nos boutiques, sans retard excessif et, en tout état de cause, au plus tard quatorze jours après que vous nous aurez communiqué votre décision de rétractation. Vous devrez prendre en charge les frais directs de renvoi du bien (environ 6,90 € en Colissimo pour une paire de sabots). Votre responsabilité n'est engagée qu'à l'égard de la dépréciation du bien résultant de manipulations autres que celles nécessaires pour établir la nature, les caractéristiques et le bon fonctionnement de ce bien.

**Exception.** Le droit de rétractation ne s'applique pas aux biens confectionnés selon vos spécifications ou nettement personnalisés (sabots gravés, fabrication sur mesure), comme le prévoit l'article L. 221-28 du code de la consommation.

### Modèle de formulaire de rétractation

(Veuillez compléter et renvoyer le présent formulaire uniquement si vous souhaitez vous rétracter du contrat.)

- À l'attention de Sabots Martin, 14 rue de la République, 39400 Morez, bonjour@comptoir.test :
- Je/Nous (\\*) vous notifie/notifions (\\*) par la présente ma/notre (\\*) rétractation du contrat portant sur la vente du bien (\\*)/pour la prestation de services (\\*) ci-dessous :
- Commandé le (\\*)/reçu le (\\*) :
- Nom du (des) consommateur(s) :
- Adresse du (des) consommateur(s) :
- Signature du (des) consommateur(s) (uniquement en cas de notification du présent formulaire sur papier) :
- Date :

(\\*) Rayez la mention inutile.

## Article 9 – Garanties légales

Sabots Martin, 14 rue de la République, 39400 Morez (bonjour@comptoir.test, 03 84 00 00 00), répond des garanties légales suivantes :

${GUARANTEE_BOX_FR}

Pour mettre en œuvre une garantie, contactez le service client : nous prenons en charge les frais de retour d'un bien non conforme. Nos produits ne bénéficient d'aucune garantie commerciale en plus des garanties légales.

## Article 10 – Médiation de la consommation

En cas de litige que notre service client n'a pas résolu, vous pouvez recourir gratuitement au médiateur de la consommation dont nous relevons : **Médiateur Démo de la consommation**, https://mediateur-demo.example. Vous devez au préalable nous avoir adressé une réclamation écrite.

## Article 11 – Données personnelles

Nous traitons vos données pour gérer vos commandes et notre relation commerciale, comme le décrit notre politique de confidentialité. Vous disposez de droits d'accès, de rectification, d'effacement, de limitation, de portabilité et d'opposition.

## Article 12 – Droit applicable

Les présentes CGV sont soumises au droit français. Vous pouvez saisir, à votre choix, la juridiction du lieu où vous demeuriez lors de la conclusion du contrat ou lors de la survenance du fait dommageable, ou toute autre juridiction compétente.
`

export const DEMO_TERMS_EN = `These terms and conditions of sale apply to every order a consumer places in the Comptoir démo online shop. They are written in French; this English translation is provided for information, and the French version prevails.

## Article 1 – Seller

The shop is run by **Sabots Martin**, a SARL with a share capital of €20,000.00, registered office at 14 rue de la République, 39400 Morez, France, registered with the Lons-le-Saunier trade and companies registry (RCS) under number 987 654 324 (SIRET 987 654 324 00019), EU VAT number FR14987654324.

- Phone: +33 3 84 00 00 00 (Monday to Friday, 9 am to 5 pm, local call rate)
- Email: bonjour@comptoir.test
- Postal address: Sabots Martin, 14 rue de la République, 39400 Morez, France

Sabots Martin answers for the legal guarantees described in article 9; customer service handles every complaint at these contact details.

## Article 2 – Products

The essential characteristics of each product (materials, sizes, dimensions, care) are on its page. Photographs are as faithful as possible; wood and leather being natural materials, slight variations in colour and grain may occur. Products are offered while stocks last, as shown on each page.

Engraved or made-to-measure clogs are made to your specifications: they cannot be withdrawn from (article 8). This exception is stated on the product page before you order.

## Article 3 – Prices

Prices are in euros, all taxes included (French VAT included). They do not include delivery costs, which depend on the method chosen, the weight and the destination: their amount is shown before you confirm the order and repeated in the summary. Delivery is free in mainland France from €60; pickup in our shops is free.

The price that applies is the one shown when you order. No extra charge is made for any means of payment.

## Article 4 – Ordering

You order in these steps:

1. you choose your products and their size, then add them to the cart;
2. you sign in or continue without an account;
3. you give your delivery and billing addresses;
4. you choose the delivery method (home, pickup point or pickup in one of our shops);
5. you choose the means of payment;
6. a summary shows the products, their price, the delivery costs and the total to pay: you can still correct each of them;
7. you read and accept these terms;
8. you confirm by clicking the **"Order with obligation to pay"** button ("Commander avec obligation de paiement" on the French site). This click concludes the contract and obliges you to pay.

We acknowledge your order by email without delay. The confirmation of the contract, with these terms and the withdrawal form, is sent to you on a durable medium (email and PDF) at the latest when the order is shipped.

The contract may be concluded in French or in English. We archive orders of €120 or more for ten years and give you access to them on request.

## Article 5 – Payment

The price is payable when you order, by one of the means offered:

- **bank card**, through a secure payment provider; we never keep your card details;
- **bank transfer**: the order is prepared as soon as the funds arrive; without payment within 7 days, it is cancelled;
- **payment in store** (card, cash or cheque) for orders collected in one of our shops.

## Article 6 – Delivery

We deliver to mainland France (Corsica included), Belgium and Luxembourg. The methods, prices and lead times on offer are shown before you confirm the order: in mainland France, allow 2 to 3 working days after shipping. Free pickup is available in our Lyon, Annecy and Besançon shops once we tell you that your order is ready.

Where no date is given, we deliver at the latest thirty days after the contract is concluded. If delivery is late, you may ask us to deliver within a reasonable additional period and, failing that, terminate the contract by letter or email; we then refund everything you paid within fourteen days.

The risk of loss or damage passes to you when you, or a person you designated (other than the carrier), take physical possession of the products.

## Article 7 – Customer service and complaints

For any question or complaint, write to bonjour@comptoir.test or call +33 3 84 00 00 00. We answer within two working days.

## Article 8 – Right of withdrawal

You have the right to withdraw from this contract within **fourteen days** without giving any reason. The withdrawal period expires fourteen days after the day on which you, or a third party other than the carrier and indicated by you, take physical possession of the goods; for an order delivered in several parts, from receipt of the last one. If the period ends on a Saturday, a Sunday or a public holiday, it is extended to the next working day.

To exercise the right of withdrawal, you must inform us (Sabots Martin, 14 rue de la République, 39400 Morez, France, bonjour@comptoir.test, +33 3 84 00 00 00) of your decision to withdraw from this contract by an unequivocal statement (for example a letter sent by post or an email). You may use the model withdrawal form below, but it is not obligatory.

You can also withdraw online, free of charge, with the "withdraw from contract here" function, available from the "Right of withdrawal" page of the site and from your order's tracking page. We send you an acknowledgement by email without delay, stating the content of your withdrawal and the date and time it was sent.

To meet the withdrawal deadline, it is sufficient for you to send your communication concerning your exercise of the right of withdrawal before the withdrawal period has expired.

**Effects of withdrawal.** If you withdraw from this contract, we shall reimburse to you all payments received from you, including the costs of delivery (with the exception of the supplementary costs resulting from your choice of a type of delivery other than the least expensive type of standard delivery offered by us), without undue delay and in any event not later than fourteen days from the day on which we are informed about your decision to withdraw from this contract. We will carry out such reimbursement using the same means of payment as you used for the initial transaction, unless you have expressly agreed otherwise; in any event, you will not incur any fees as a result of such reimbursement. We may withhold reimbursement until we have received the goods back or you have supplied evidence of having sent back the goods, whichever is the earliest.

You shall send back the goods, or bring them to one of our shops, without undue delay and in any event not later than fourteen days from the day on which you communicate your withdrawal from this contract to us. You will have to bear the direct cost of returning the goods (about €6.90 by Colissimo for a pair of clogs). You are only liable for any diminished value of the goods resulting from handling other than what is necessary to establish their nature, characteristics and functioning.

**Exception.** The right of withdrawal does not apply to goods made to your specifications or clearly personalised (engraved clogs, made-to-measure), as article L. 221-28 of the French Consumer Code provides.

### Model withdrawal form

(Complete and return this form only if you wish to withdraw from the contract.)

- To Sabots Martin, 14 rue de la République, 39400 Morez, France, bonjour@comptoir.test:
- I/We (\\*) hereby give notice that I/We (\\*) withdraw from my/our (\\*) contract of sale of the following goods (\\*)/for the provision of the following service (\\*):
- Ordered on (\\*)/received on (\\*):
- Name of consumer(s):
- Address of consumer(s):
- Signature of consumer(s) (only if this form is notified on paper):
- Date:

(\\*) Delete as appropriate.

## Article 9 – Legal guarantees

Sabots Martin, 14 rue de la République, 39400 Morez, France (bonjour@comptoir.test, +33 3 84 00 00 00), answers for the following legal guarantees (translation of the boxed text required by article D. 211-2 of the French Consumer Code):

${GUARANTEE_BOX_EN}

To use a guarantee, contact customer service: we pay the cost of returning non-conforming goods. Our products carry no commercial guarantee beyond the legal guarantees.

## Article 10 – Consumer mediation

If customer service has not settled a dispute, you may refer it free of charge to the consumer mediator we belong to: **Médiateur Démo de la consommation**, https://mediateur-demo.example. You must first have sent us a written complaint.

## Article 11 – Personal data

We process your data to manage your orders and our business relationship, as our privacy policy describes. You have rights of access, rectification, erasure, restriction, portability and objection.

## Article 12 – Governing law

These terms are governed by French law. You may bring proceedings, as you choose, before the court of the place where you lived when the contract was concluded or when the harmful event occurred, or before any other competent court.
`
