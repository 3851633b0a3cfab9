//! World countries, a few world regions, and their demonyms.
//!
//! Countries are a closed, general class, so a built-in table is legitimate (unlike a list of
//! the people or organisations in any particular corpus). Each row is
//! `Canonical name|other names|demonyms`, comma-separated within a field.

use super::{FxMap, FxSet};
use std::sync::OnceLock;

const TABLE: &str = "\
Afghanistan||Afghan
Albania||Albanian
Algeria||Algerian
Andorra||Andorran
Angola||Angolan
Antigua and Barbuda||Antiguan
Argentina||Argentine,Argentinian
Armenia||Armenian
Australia||Australian
Austria||Austrian
Azerbaijan||Azerbaijani
Bahamas|The Bahamas|Bahamian
Bahrain||Bahraini
Bangladesh||Bangladeshi
Barbados||Barbadian
Belarus||Belarusian
Belgium||Belgian
Belize||Belizean
Benin||Beninese
Bhutan||Bhutanese
Bolivia||Bolivian
Bosnia and Herzegovina|Bosnia|Bosnian
Botswana||Motswana
Brazil||Brazilian
Brunei||Bruneian
Bulgaria||Bulgarian
Burkina Faso||Burkinabe
Burundi||Burundian
Cambodia||Cambodian
Cameroon||Cameroonian
Canada||Canadian
Cape Verde|Cabo Verde|Cape Verdean
Central African Republic||
Chad||Chadian
Chile||Chilean
China||Chinese
Colombia||Colombian
Comoros||Comoran
Congo|Democratic Republic of the Congo,Republic of the Congo|Congolese
Costa Rica||Costa Rican
Croatia||Croatian
Cuba||Cuban
Cyprus||Cypriot
Czech Republic|Czechia|Czech
Denmark||Danish,Dane
Djibouti||Djiboutian
Dominica||
Dominican Republic||Dominican
East Timor|Timor-Leste|Timorese
Ecuador||Ecuadorian,Ecuadorean
Egypt||Egyptian
El Salvador||Salvadoran,Salvadorean
Equatorial Guinea||Equatoguinean
Eritrea||Eritrean
Estonia||Estonian
Eswatini|Swaziland|Swazi
Ethiopia||Ethiopian
Fiji||Fijian
Finland||Finnish,Finn
France||French
Gabon||Gabonese
Gambia|The Gambia|Gambian
Georgia||Georgian
Germany||German
Ghana||Ghanaian
Greece||Greek
Grenada||Grenadian
Guatemala||Guatemalan
Guinea||Guinean
Guinea-Bissau||
Guyana||Guyanese
Haiti||Haitian
Honduras||Honduran
Hungary||Hungarian
Iceland||Icelandic,Icelander
India||Indian
Indonesia||Indonesian
Iran||Iranian
Iraq||Iraqi
Ireland||Irish
Israel||Israeli
Italy||Italian
Ivory Coast|Cote d'Ivoire|Ivorian
Jamaica||Jamaican
Japan||Japanese
Jordan||Jordanian
Kazakhstan||Kazakh
Kenya||Kenyan
Kiribati||
Kosovo||Kosovar
Kuwait||Kuwaiti
Kyrgyzstan||Kyrgyz
Laos||Lao,Laotian
Latvia||Latvian
Lebanon||Lebanese
Lesotho||
Liberia||Liberian
Libya||Libyan
Liechtenstein||
Lithuania||Lithuanian
Luxembourg||Luxembourgish
Madagascar||Malagasy
Malawi||Malawian
Malaysia||Malaysian
Maldives||Maldivian
Mali||Malian
Malta||Maltese
Marshall Islands||
Mauritania||Mauritanian
Mauritius||Mauritian
Mexico||Mexican
Micronesia||Micronesian
Moldova||Moldovan
Monaco||Monegasque
Mongolia||Mongolian
Montenegro||Montenegrin
Morocco||Moroccan
Mozambique||Mozambican
Myanmar|Burma|Burmese
Namibia||Namibian
Nauru||Nauruan
Nepal||Nepali,Nepalese
Netherlands|Holland,The Netherlands|Dutch
New Zealand||New Zealander
Nicaragua||Nicaraguan
Niger||Nigerien
Nigeria||Nigerian
North Korea||North Korean
North Macedonia|Macedonia|Macedonian
Norway||Norwegian
Oman||Omani
Pakistan||Pakistani
Palau||Palauan
Palestine|Palestinian Territories|Palestinian
Panama||Panamanian
Papua New Guinea||Papua New Guinean
Paraguay||Paraguayan
Peru||Peruvian
Philippines|The Philippines|Filipino,Filipina,Philippine
Poland||Polish,Pole
Portugal||Portuguese
Qatar||Qatari
Romania||Romanian
Russia|Russian Federation|Russian
Rwanda||Rwandan
Saint Lucia||
Samoa||Samoan
San Marino||
Saudi Arabia||Saudi
Senegal||Senegalese
Serbia||Serbian,Serb
Seychelles||
Sierra Leone||Sierra Leonean
Singapore||Singaporean
Slovakia||Slovak
Slovenia||Slovenian,Slovene
Solomon Islands||
Somalia||Somali
South Africa||South African
South Korea|Korea|South Korean,Korean
South Sudan||South Sudanese
Spain||Spanish,Spaniard
Sri Lanka||Sri Lankan
Sudan||Sudanese
Suriname||Surinamese
Sweden||Swedish,Swede
Switzerland||Swiss
Syria||Syrian
Taiwan||Taiwanese
Tajikistan||Tajik
Tanzania||Tanzanian
Thailand||Thai
Togo||Togolese
Tonga||Tongan
Trinidad and Tobago||Trinidadian
Tunisia||Tunisian
Turkey|Turkiye,Türkiye|Turkish,Turk
Turkmenistan||Turkmen
Tuvalu||
Uganda||Ugandan
Ukraine||Ukrainian
United Arab Emirates|UAE|Emirati
United Kingdom|Britain,Great Britain,UK,U.K.|British,Briton
United States|United States of America,US,U.S.,USA,U.S.A.|American
Uruguay||Uruguayan
Uzbekistan||Uzbek
Vanuatu||
Vatican|Vatican City,Holy See|
Venezuela||Venezuelan
Vietnam|Viet Nam|Vietnamese
Yemen||Yemeni
Zambia||Zambian
Zimbabwe||Zimbabwean
Puerto Rico||Puerto Rican
Greenland||Greenlandic
Hong Kong||
Scotland||Scottish,Scot
England||English
Wales||Welsh
Latin America||Latin American
Central America||Central American
South America||South American
North America||North American
Europe||European
Asia||Asian
Africa||African
Middle East||Middle Eastern
Caribbean||
Oceania||
Antarctica||Antarctic";

/// What a phrase of the table names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PlaceForm {
    Name,
    Demonym,
}

pub(crate) struct PlaceTable {
    /// Folded, space-joined phrase -> (canonical place, form).
    pub phrases: FxMap<String, (&'static str, PlaceForm)>,
    /// Longest phrase length in words.
    pub max_words: usize,
    /// First words of all phrases, and plurals of one-word ones: a word not in here cannot
    /// start a place, which spares building the candidate phrases.
    pub first_words: FxSet<String>,
}

/// The parsed table, built once.
pub(crate) fn table() -> &'static PlaceTable {
    static T: OnceLock<PlaceTable> = OnceLock::new();
    T.get_or_init(|| {
        let mut phrases = FxMap::default();
        let mut max_words = 1;
        for row in TABLE.lines() {
            let mut f = row.split('|');
            let canon = f.next().unwrap_or_default();
            let others = f.next().unwrap_or_default();
            let demonyms = f.next().unwrap_or_default();
            let names = std::iter::once(canon).chain(others.split(',').filter(|s| !s.is_empty()));
            for n in names {
                let key = key_of(n);
                max_words = max_words.max(key.split(' ').count());
                phrases.insert(key, (canon, PlaceForm::Name));
            }
            for d in demonyms.split(',').filter(|s| !s.is_empty()) {
                let key = key_of(d);
                max_words = max_words.max(key.split(' ').count());
                phrases.entry(key).or_insert((canon, PlaceForm::Demonym));
            }
        }
        let mut first_words = FxSet::default();
        for key in phrases.keys() {
            match key.split_once(' ') {
                Some((first, _)) => first_words.insert(first.to_string()),
                None => first_words.insert(format!("{key}s")) | first_words.insert(key.clone()),
            };
        }
        PlaceTable {
            phrases,
            max_words,
            first_words,
        }
    })
}

/// Folded words of a phrase joined by single spaces; dotted forms lose their dots so that
/// "U.S." and "US" share a key with the scanner's word norms.
pub(crate) fn key_of(phrase: &str) -> String {
    crate::text::fold(phrase)
        .split_whitespace()
        .map(|w| w.replace('.', ""))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Looks a folded phrase up, accepting a plural demonym ("venezuelans").
pub(crate) fn lookup(key: &str) -> Option<(&'static str, PlaceForm)> {
    let t = table();
    if let Some(&hit) = t.phrases.get(key) {
        return Some(hit);
    }
    let singular = key.strip_suffix('s')?;
    match t.phrases.get(singular) {
        Some(&(canon, PlaceForm::Demonym)) => Some((canon, PlaceForm::Demonym)),
        _ => None,
    }
}
