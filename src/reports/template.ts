// The default underlag, following the seed (Regionala utvecklingsnämnden, Region Västerbotten): its
// seven sections with the seed's text as the starting narrative. Where the seed states a figure, the
// figure is live (the 2018 revenue shares, the result, the years of the result history), and the live
// tables and charts stand where a reader looks for them. An organisation then adds, renames,
// reorders and removes sections; this is only the starting point.
import { draftResultContent, draftRevenueSharesContent } from './drafting.ts';
import { bulletList, figure, live, paragraph, text } from './rich-text.ts';
import type { Block, InlineNode } from './rich-text.ts';
import type { Summary } from '../domain/summary.ts';
import type { UnderlagSectionInput } from './underlag-input.ts';

export type TemplateOptions = {
  /** The last year with actuals (årsbokslut): 2018 in the seed. */
  readonly actualYear: number;
  readonly budgetYear: number;
  /** When given, the shares sentence is drafted from it (largest share first); else the seed's order. */
  readonly actualSummary?: Summary;
};

export const RUS_SUB_STRATEGIES = [
  'Utveckla samhällen som inkluderar och utvecklar människor',
  'Skapa strukturer för innovation',
  'Främja miljödriven utveckling',
  'Bidra till investeringar i utbildning och kompetens',
  'Stödja platsbaserad näringslivsutveckling',
  'Skapa en tillgänglig och utåtriktad region',
] as const;

const heading = (t: string): Block => ({ type: 'heading', level: 3, content: [text(t)] });

/** The seed's shares sentence with live figures, in the seed's order. */
function seedSharesContent(year: number): InlineNode[] {
  const share = (category: string | string[]): InlineNode => figure({ kind: 'revenue-share', year, category, format: 'approx' });
  return [
    text(`Under ${String(year)} stod regionen och kommunerna för `), share(['regionbidrag', 'kommunbidrag']),
    text(' av intäkterna, kultursamverkansmodellen '), share('kultursamverkan'),
    text(', projektfinansiering '), share('projektmedel'),
    text(', seminarie- och konferensarrangemang '), share('avgifter'),
    text(' samt länsstyrelsen '), share('lansstyrelsen'), text('.'),
  ];
}

export function defaultUnderlagTemplate(options: TemplateOptions): UnderlagSectionInput[] {
  const { actualYear, budgetYear } = options;
  const sharesContent = options.actualSummary ? draftRevenueSharesContent(options.actualSummary, actualYear) : seedSharesContent(actualYear);
  return [
    {
      key: 'inledning',
      title: 'Inledning',
      blocks: [
        paragraph('Som en del av Region Västerbottens planeringsprocess lämnar, i beredningsprocessen, varje nämnd ett underlag som beskriver hur nämnden arbetar för att klara sitt uppdrag inom given ram. 2019 är det första år som den Regionala utvecklingsnämnden (RUN) lämnar underlag.'),
      ],
    },
    {
      key: 'uppdraget',
      title: 'Det regionala utvecklingsuppdraget',
      blocks: [
        paragraph('Rollen som regionalt utvecklingsansvarig aktör innebär en konstant utveckling och förändring vad gäller innehållet och de uppdrag som nämnden arbetar med. Politikområdet regional utveckling har under det senaste decenniet kommit att innefatta en allt bredare palett av uppdrag inom fler politikområden för regionalt utvecklingsansvarig. Samtidigt som nämnden arbetar på uppdrag av Regionfullmäktige så tillkommer statliga uppdrag och uppdrag från kommunerna via den samverkansstruktur som etablerats och reglerats i överenskommelser.'),
        paragraph('Under de åren som det regionala utvecklingsuppdraget förvaltades av regionförbundet översteg efterfrågan på regional samordning och ledarskap möjligheten att tillgodose behoven från regionförbundets medlemmar, stat och samarbetspartners i näringslivet, akademin och civilsamhället. Det är troligt att denna utveckling kommer att fortsätta och att Region Västerbotten, som regionalt utvecklingsansvarig, förväntas ta sig an fler uppgifter och fler samordningsuppdrag inom till exempel kompetensförsörjning och utbildning, digitalisering samt samhällsplanering.'),
      ],
    },
    {
      key: 'samverkan',
      title: 'Samverkan med kommunerna',
      blocks: [
        paragraph('Region Västerbotten och länets kommuner har tecknat en överenskommelse om samverkan för regional utveckling. Denna överenskommelse finansieras gemensamt och skapar en struktur av forum mellan politiker och tjänstepersoner för att gemensamt driva det regionala utvecklingsarbetet samt hålla kompetens och kapacitet inom primärkommunala sakområden. Syftet är att fortsätta den nära samverkan som fanns inom regionförbundet mellan den regionala och den lokala nivån. Under 2019 och 2020 är arbetet i en uppbyggnadsfas där rutiner, arbetsformer och system ska uppdateras eller tillskapas för att skapa ett effektivt och transparent samarbete.'),
        paragraph('Kommunernas bidrag enligt överenskommelsen uppgår till ', figure({ kind: 'municipal-contributions-total', format: 'kr' }), ' och fördelas mellan kommunerna efter invånarantal.'),
        live({ kind: 'municipal-contributions' }),
      ],
    },
    {
      key: 'mal',
      title: 'Mål för regional utveckling',
      blocks: [
        paragraph('Det regionala utvecklingsarbetet i Västerbotten tar sin utgångspunkt i de delstrategier som den regionala utvecklingsstrategin definierar. Regionala utvecklingsnämnden formulerar mål som utgår från dessa delstrategier.'),
        bulletList(RUS_SUB_STRATEGIES),
        live({ kind: 'goals' }),
      ],
    },
    {
      key: 'kapacitet',
      title: 'Fortsatt kapacitet för regional utveckling, uppdraget på sikt',
      blocks: [
        paragraph('Arbetet med en ny regional utvecklingsstrategi (RUS) påbörjades hösten 2018. Processen integrerar ekonomisk, social och miljömässig hållbarhet och inleddes med ett omfattande analysarbete. Målet med den regionala utvecklingsstrategin är att öka länets attraktivitet. Ett politiskt beslut om ny RUS planeras tas 2020 och därefter startar den krävande genomförandeprocessen för vilken fortsatt stark kapacitet inom regional utvecklingsarbete och regionalt ledarskap är av största vikt för att länets utvecklingsmöjligheter ska kunna tas tillvara på det sätt som utvecklingsstrategin pekar ut. Utan ett nyskapande tillväxtarbete kan inte hälso- och sjukvården utvecklas. Utan en god hälso- och sjukvård saknas goda förutsättningar för regional tillväxt och en attraktiv region. De två är beroende av varandra.'),
        paragraph('Den överenskommelse mellan Region Västerbotten och de 15 kommunerna som ligger till grund för samverkan för regional utveckling och särskilda primärkommunala frågor följs upp kontinuerligt under avtalsperioden och utvärderas i sin helhet i slutet av avtalstiden. Målsättningen är att tillsammans skapa en struktur för att gemensamt bereda och förankra processer, hitta samverkansprojekt, öka kunskapen om länets möjligheter och utmaningar, ha en stark kapacitet för utveckling samt tillsammans öka effekten av det regionala utvecklingsarbetet. För att Region Västerbotten ska uppfylla intentionerna i samverkansöverenskommelsen krävs kapacitet inom de överenskomna områdena och förmåga till engagemang i aktuella utvecklingsfrågor som berör kommunerna.'),
        paragraph('Sammanhållningspolitiken efter 2020 formas just nu. Region Västerbotten är delaktig i dialog, lämnar yttrande över EU-kommissionens förslag och kommer de närmaste åren att behöva avsätta betydande resurser i programskrivningsarbete och genomförandearbete kopplat till de kommande fondprogrammen, bl.a. Europeiska regionala utvecklingsfonden och Europeiska socialfonden plus.'),
        paragraph('Avgörande för att bibehålla och kunna öka dagens effekt av de resurser som läggs på regionalt utvecklingsarbete är att digitala lösningar fortsätter att användas och att nya digitala arbetsmetoder utvecklas. Allt för att minimera mängden resurser som läggs på administration och för att öka andelen resurser som läggs på regionala utvecklingsnämndens sakområden.'),
      ],
    },
    {
      key: 'ekonomi',
      title: 'Ekonomiska förutsättningar, aktuellt ekonomiskt läge',
      blocks: [
        paragraph('Den regionala utvecklingsförvaltningens olika finansieringskällor, utöver Region Västerbottens budgetram, består huvudsakligen av medel från kommunerna (i enlighet med samverkansavtalen), medel från Kulturrådet via kultursamverkansmodellen samt från länsstyrelsen i Västerbotten för överförda uppdrag. Till detta kommer projektfinansiering från bland annat EU, länets kommuner, Sveriges kommuner och landsting, Kulturrådet, Vinnova och Tillväxtverket.'),
        { type: 'paragraph', content: [...sharesContent, text(' Projektmedlen har inkommit dels via ansökan hos finansiärerna, men också via utdelade statliga medel för särskilda uppdrag som exempelvis exportsamverkan, bredbandskoordinator och kompetensplattformen.')] },
        live({ kind: 'revenue-by-category', year: actualYear, chart: true }),
        live({ kind: 'project-financing' }),
        paragraph('De största kostnaderna inom regionförbundet har avsett personal, externa bidrag och ägaranslag. Kostnadsutvecklingen för basverksamheten har skett inom ramen för beslutad uppräkning av intäktssidan, vilket genom åren har skett inom spannet 0–3 %. Det finansiella målet med en budget i balans har alltid uppfyllts.'),
        live({ kind: 'costs-by-category', year: actualYear }),
        {
          type: 'paragraph',
          content: [
            ...draftResultContent(actualYear).slice(0, -1),
            text(' och under de '), figure({ kind: 'history-years' }),
            text(' år som det regionala utvecklingsarbetet har utförts inom ramen för regionförbundet har årsboksluten, med '),
            figure({ kind: 'deficit-years' }),
            text(' undantag, visat positiva resultat. Under underskottsåren kunde underskotten hanteras direkt via tidigare års balanserade överskott; ett av åren genomfördes ett åtgärdspaket inom verksamheten och underskottet kunde därmed reduceras.'),
          ],
        },
        live({ kind: 'result-history', chart: true }),
        heading(`Budget ${String(budgetYear)} och flerårsplan`),
        paragraph(
          `Budgetförslaget för ${String(budgetYear)} har intäkter på `, figure({ kind: 'total-revenue', year: budgetYear }),
          ' och kostnader på ', figure({ kind: 'total-cost', year: budgetYear }), '. Nettokostnaden är ',
          figure({ kind: 'net-cost', year: budgetYear }), ' mot en ram på ', figure({ kind: 'frame', year: budgetYear }),
          '. Planåren visar hur resultatet utvecklas med olika uppräkning av intäkter och ram.',
        ),
        live({ kind: 'multi-year-plan', view: 'categories' }),
        live({ kind: 'multi-year-plan', view: 'scenarios', chart: true }),
        paragraph('Ambitionen är självfallet att även fortsättningsvis driva det regionala utvecklingsarbetet utan att överskrida nämndens totala budgetram.'),
        paragraph('En region med god kapacitet för det regionala utvecklingsarbetet skapar förutsättningar för kraftfull tillväxt, ökade skatteintäkter och utvecklingsarbetet kommer därmed att vara självfinansierande i ett övergripande perspektiv.'),
        paragraph('För att kunna tillvarata de möjligheter till utökat ansvar och mandat för den regionala nivån som nu finns genom dagens enhetliga struktur för den regionala nivån i hela landet, krävs förstärkt kapacitet. Utökat ansvar och mandat inom några av de centrala områdena för regionalt utvecklingsarbete ger bättre förutsättningar att hantera både utmaningar och möjligheter och därmed förbättrade möjligheter till tillväxt och välfärd.'),
      ],
    },
    {
      key: 'risker',
      title: 'Risker och bevakningspunkter',
      blocks: [
        paragraph(
          'En utmaning som observerats är ökade kostnader för den politiska organisationen under innevarande år, vilket behöver följas noga. Under ',
          String(actualYear), ' uppgick kostnaderna för den politiska organisationen till ',
          figure({ kind: 'category-amount', year: actualYear, category: 'politisk-organisation' }), '.',
        ),
        { type: 'bullet-list', items: [
          [text('Projektfinansieringen, '), figure({ kind: 'revenue-share', year: actualYear, category: 'projektmedel', format: 'approx' }), text(` av intäkterna ${String(actualYear)}, beror på beviljade ansökningar och betalas ut i efterhand, vilket kräver förskottering.`)],
          [text('Programskrivning och genomförande av de kommande fondprogrammen (Europeiska regionala utvecklingsfonden och Europeiska socialfonden plus) kräver betydande resurser de närmaste åren.')],
          [text('För att klara av intentionerna i samverkansöverenskommelsen med kommunerna krävs kapacitet inom de avtalade områdena och kapacitet att arbeta med de aktuella utvecklingsfrågor som berör kommunerna.')],
        ] },
      ],
    },
  ];
}
