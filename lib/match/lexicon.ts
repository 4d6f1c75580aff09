/**
 * General word lists the context rules read (English news usage). Not tuned to any
 * article: each list is a class of words a reader uses to tell names apart.
 * All entries are lower case, folded as normalize.ts folds text.
 */

const set = (words: string) => new Set(words.trim().split(/\s*\|\s*/));

/** Words that stand before a name as a title or role, not as part of the name. */
export const TITLES = set(`
  mr | mrs | ms | miss | dr | prof | professor | sir | madam | dame | engr | engineer | ambassador | envoy |
  minister | president | vice | chairman | chairperson | chairwoman | chair | secretary | ceo | cfo | coo | cto | director |
  senator | sen | justice | judge | governor | commissioner | councillor | councilor | counsellor | counselor |
  consul | premier | pm | deputy | adviser | advisor | spokesperson | spokesman | spokeswoman | mayor | mna | mpa |
  general | gen | lt | col | colonel | brig | brigadier | maj | major | capt | captain | admiral | marshal |
  chief | executive | manager | partner | founder | cofounder | head | leader | officer | official | additional |
  federal | provincial | state | former | acting | commercial | economic | political | trade | press | special |
  assistant | associate | senior | junior | principal | dean | chancellor | vice-chancellor | registrar | physician |
  surgeon | expert | analyst | economist | scholar | researcher | fellow | member | delegate | representative | host |
  guest | speaker | moderator | h.e | excellency | his | her | honourable | hon | maulana | mufti | pir | makhdoom |
  ambassador-designate | consul-general | secretary-general | director-general | md | gm | evp | svp | avp
`);

/** Roles that name someone else when they stand before a person's full name ("constable Imran Khan"). */
export const CONFLICTING_ROLES = set(`
  constable | inspector | sub-inspector | subinspector | asi | si | sho | dsp | sp | ssp | sepoy | naik | havildar |
  lance | soldier | jawan | cricketer | batter | batsman | bowler | pacer | spinner | all-rounder | allrounder |
  wicketkeeper | keeper | opener | player | footballer | striker | athlete | boxer | wrestler | actor | actress |
  singer | student | farmer | driver | shopkeeper | trader | teacher | lawyer | journalist | reporter | accused |
  suspect | victim | resident | labourer | laborer | worker | vendor | rider | youth | boy | man | woman | girl |
  child | namesake | son | nephew | brother | cousin
`);

/** Words after a name that make it someone else ("Imran Khan Jr"). */
export const NAME_SUFFIXES = set(`jr | junior | sr | senior | ii | iii`);

/** Capitalised words that start sentences without being names. */
export const SENTENCE_STARTERS = set(`
  the | a | an | and | but | or | so | in | on | at | by | for | from | to | of | with | as | when | while | after |
  before | meanwhile | however | also | earlier | later | yesterday | today | speaking | addressing | according |
  if | this | that | these | those | then | there | here | he | she | they | we | it | his | her | their | our | its |
  mr | mrs | ms | dr | both | all | said | says | says | talking | during | under | over | about | since | because
`);

/**
 * Head nouns of the proper name of a body, facility, team or event: a name followed by
 * capitalised words ending in one of these ("Sialkot International Airport") is inside
 * that other name.
 */
export const BODY_HEADS = set(`
  university | universities | college | school | institute | institution | academy | airport | airline | airlines |
  stadium | ground | arena | chamber | chambers | hospital | clinic | club | team | board | council | association |
  federation | company | co | corporation | corp | ltd | limited | inc | plc | llc | group | bank | authority | committee |
  foundation | trust | society | union | party | agency | department | ministry | court | centre | center | museum |
  library | expo | exhibition | cup | trophy | league | tigers | stallions | kings | qalandars | zalmi | united |
  cricket | football | hockey | medical | campus | port | station | express | tower | towers |
  mall | market | hotel | zone | complex |
  channel | tv | radio | news | times | post | tribune | daily | gazette | magazine | award | awards | prize | scholarship |
  programme | program | scheme | fund | festival | conference | summit | forum | marathon | championship |
  series | tournament | games | cantonment | industries | enterprises | holdings | technologies | technology | systems |
  solutions | services | international | chapter | office | secretariat | commission | bureau | directorate |
  motor | motors | automobile | automobiles | automotive | airways | logistics | shipping | mills | pharma |
  pharmaceuticals | petroleum
`);

/** Words that, with "of" or "for", make the name a part of another body's name ("University of Sialkot"). */
export const BODY_HEADS_BEFORE_OF = BODY_HEADS;

/**
 * Regions whose own bodies share names with national ones ("Balochistan Board of
 * Investment", "Liaoning Provincial Development and Reform Commission").
 */
export const REGIONS = set(`
  punjab | sindh | sind | balochistan | baluchistan | khyber | pakhtunkhwa | kp | kpk | gilgit | baltistan | gb |
  ajk | azad | kashmir | fata | islamabad | karachi | lahore | peshawar | quetta | provincial | municipal | district |
  city | regional | divisional | metropolitan | liaoning | sichuan | guangdong | xinjiang | yunnan | zhejiang | jiangsu |
  shandong | hubei | hunan | henan | hebei | shanxi | shaanxi | fujian | anhui | jiangxi | guangxi | guizhou | gansu |
  qinghai | hainan | jilin | heilongjiang | mongolia | tibet | ningxia | shanghai | tianjin | chongqing | shenzhen |
  guangzhou | hong | kong | macau | macao | state | county | local | federal | national
`);

/** Country names and demonyms (folded), with their ISO codes, to tell a country's own body from a foreign one. */
export const COUNTRIES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    pakistan: 'PK', pakistani: 'PK', china: 'CN', chinese: 'CN', prc: 'CN', india: 'IN', indian: 'IN', afghanistan: 'AF',
    afghan: 'AF', iran: 'IR', iranian: 'IR', bangladesh: 'BD', nepal: 'NP', sri: 'LK', lanka: 'LK', lankan: 'LK',
    us: 'US', usa: 'US', america: 'US', american: 'US', uk: 'GB', britain: 'GB', british: 'GB', japan: 'JP',
    japanese: 'JP', korea: 'KR', korean: 'KR', russia: 'RU', russian: 'RU', turkey: 'TR', turkish: 'TR', turkiye: 'TR',
    uae: 'AE', emirates: 'AE', saudi: 'SA', arabia: 'SA', qatar: 'QA', malaysia: 'MY', indonesia: 'ID',
    thailand: 'TH', vietnam: 'VN', philippines: 'PH', singapore: 'SG', kenya: 'KE', nigeria: 'NG', egypt: 'EG',
    germany: 'DE', german: 'DE', france: 'FR', french: 'FR', italy: 'IT', italian: 'IT', spain: 'ES', canada: 'CA',
    canadian: 'CA', australia: 'AU', australian: 'AU', maldives: 'MV', myanmar: 'MM', kazakhstan: 'KZ',
    uzbekistan: 'UZ', tajikistan: 'TJ', kyrgyzstan: 'KG', turkmenistan: 'TM', azerbaijan: 'AZ', oman: 'OM',
    ethiopia: 'ET', brazil: 'BR', mexico: 'MX', panama: 'PA', honduras: 'HN', argentina: 'AR', chile: 'CL',
  }),
);

/** Provinces and regions with bodies of their own: "Board of Investment Punjab" is Punjab's board. */
export const PROVINCES = set(`
  punjab | sindh | sind | balochistan | baluchistan | khyber | pakhtunkhwa | kp | kpk | gilgit | baltistan | gb | ajk |
  azad | liaoning | sichuan | guangdong | xinjiang | yunnan | zhejiang | jiangsu | shandong | hubei | hunan | henan |
  hebei | shanxi | shaanxi | fujian | anhui | jiangxi | guangxi | guizhou | gansu | qinghai | hainan | jilin | heilongjiang
`);

/** Common nouns that make the word before them a place ("Anlong county"), not a company's short name. */
export const PLACE_NOUNS = set(`county | district | city | province | town | township | village | prefecture | municipality`);

/**
 * Common nouns that a company's short name, when it is also an ordinary word, only
 * describes when they follow in lower case ("Biotech firms", "biotech sector").
 */
export const DESCRIBED_NOUNS = set(`
  firm | firms | company | companies | sector | sectors | industry | industries | products | product | research |
  experts | startups | market | markets | field | fields | stocks | shares | investors | exports | imports
`);

/** Lower-case words that join the words of a body's name ("Sialkot Traders and Manufacturers Association"). */
export const NAME_CONNECTORS = set(`and | of | for`);

/** Words title case leaves in lower case. */
export const TITLE_CASE_SMALL = set(`a | an | the | and | but | or | nor | for | of | in | on | at | to | by | with | from | as | vs | via | into | over | per`);
