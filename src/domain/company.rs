//! What Japanese forms ask about a company.
use super::ValidationErrors;
use super::normalize::{digits, fold_width, hiragana_to_katakana};
use serde::Serialize;

/// Corporate number (houjin bangou): 13 digits, the first a check digit over the other twelve (the
/// National Tax Agency's rule:
/// 9 − (Σ Pn·Qn mod 9), Pn the n-th digit from the right, Qn 1 for odd n and 2 for even n).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct CorporateNumber(String);

impl CorporateNumber {
    pub fn parse(field: &str, s: &str) -> Result<Self, ValidationErrors> {
        let d = digits(s);
        if d.len() != 13
            || fold_width(s)
                .chars()
                .any(|c| !(c.is_ascii_digit() || c == '-' || c == ' '))
        {
            return Err(ValidationErrors::single(field, "invalid_corporate_number"));
        }
        let bytes: Vec<u32> = d.chars().map(|c| c.to_digit(10).expect("digits")).collect();
        let sum: u32 = bytes[1..]
            .iter()
            .rev()
            .enumerate()
            .map(|(i, p)| p * if i % 2 == 0 { 1 } else { 2 })
            .sum();
        if bytes[0] != 9 - sum % 9 {
            return Err(ValidationErrors::single(
                field,
                "corporate_number_check_digit",
            ));
        }
        Ok(Self(d))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The digits in groups of 1, 4, 4 and 4 (`1-2345-6789-0123`), as the NTA prints them on
    /// the NTA's notice of the number for people to read and copy. For spreadsheets that open CSV files:
    /// thirteen bare digits become a number (Excel shows `1.23457E+12`), and hyphens keep it
    /// text. Data meant for machines keeps `as_str`, as the NTA's own downloads do.
    pub fn grouped(&self) -> String {
        let d = &self.0;
        format!("{}-{}-{}-{}", &d[..1], &d[1..5], &d[5..9], &d[9..])
    }

    /// The number whose last twelve digits are `body`, with its check digit in front
    /// (for demo data; real numbers come from the registrant).
    pub fn from_body(body: u64) -> Self {
        let digits = format!("{:012}", body % 1_000_000_000_000);
        let sum: u32 = digits
            .chars()
            .rev()
            .enumerate()
            .map(|(i, c)| c.to_digit(10).expect("digits") * if i % 2 == 0 { 1 } else { 2 })
            .sum();
        Self(format!("{}{digits}", 9 - sum % 9))
    }
}

/// What people type between the digits of a postal code: the postal mark U+3012, the long
/// vowel mark U+30FC, the minus sign U+2212 and the hyphen U+2010 (full-width forms are folded
/// first).
const POSTAL_DASHES: [char; 4] = ['\u{3012}', '\u{30FC}', '\u{2212}', '\u{2010}'];

/// What people type between the parts of a phone number: the long vowel mark, minus sign,
/// hyphen, and full-width brackets.
const PHONE_SEPARATORS: [char; 5] = ['\u{30FC}', '\u{2212}', '\u{2010}', '\u{FF08}', '\u{FF09}'];

/// Postal code (yuubin bangou), kept as `NNN-NNNN`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PostalCode(String);

impl PostalCode {
    pub fn parse(field: &str, s: &str) -> Result<Self, ValidationErrors> {
        let folded = fold_width(s).replace(POSTAL_DASHES, "-");
        let d = digits(&folded);
        let shape_ok = folded
            .chars()
            .all(|c| c.is_ascii_digit() || c == '-' || c == ' ');
        if d.len() == 7 && shape_ok {
            Ok(Self(format!("{}-{}", &d[..3], &d[3..])))
        } else {
            Err(ValidationErrors::single(field, "invalid_postal_code"))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A telephone number. A Japanese one is kept as its digits (`0312345678`; `+81` becomes `0`),
/// as before; any other is kept in E.164 (`+14155550123`), checked against libphonenumber's
/// metadata for its country.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PhoneNumber(String);

impl PhoneNumber {
    /// `home` is the country of the registrant's address: a number typed without `+` is read
    /// as that country's.
    pub fn parse(field: &str, s: &str, home: Country) -> Result<Self, ValidationErrors> {
        let folded = fold_width(s).replace(PHONE_SEPARATORS, "-");
        let invalid = || ValidationErrors::single(field, "invalid_phone");
        if !folded
            .chars()
            .all(|c| c.is_ascii_digit() || "-+() .".contains(c))
        {
            return Err(invalid());
        }
        let international = folded.trim_start().starts_with('+');
        if international && !folded.trim_start().starts_with("+81")
            || !international && !home.is_japan()
        {
            let region = (!international).then(|| home.phone_region()).flatten();
            if !international && region.is_none() {
                return Err(invalid());
            }
            let n = phonenumber::parse(region, folded.trim()).map_err(|_| invalid())?;
            if !n.is_valid() {
                return Err(invalid());
            }
            if n.code().value() != 81 {
                return Ok(Self(n.format().mode(phonenumber::Mode::E164).to_string()));
            }
            // A Japanese number typed on a form from abroad: kept as Japanese numbers are.
            let national = n.national().value().to_string();
            return Self::parse(field, &format!("0{national}"), Country::JAPAN);
        }
        let mut d = digits(&folded);
        if international {
            d = format!("0{}", &d[2..]);
        }
        if d.starts_with('0') && (10..=11).contains(&d.len()) {
            Ok(Self(d))
        } else {
            Err(invalid())
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number as people write it: a Japanese one with hyphens where Japan's numbering
    /// plan splits it (`03-1234-5678`, `090-1234-5678`, `0120-123-456`), from libphonenumber's
    /// metadata — where the area code ends depends on the area, which no fixed rule of ours
    /// would get right; any other in international form (`+1 415-555-0123`). The stored text
    /// as it is when the metadata knows no such number.
    pub fn formatted(&self) -> String {
        formatted_phone(&self.0)
    }
}

/// A stored phone number (see [`PhoneNumber`]) as people write it.
pub fn formatted_phone(stored: &str) -> String {
    use phonenumber::{Mode, country::Id::JP};
    let (region, mode) = if stored.starts_with('+') {
        (None, Mode::International)
    } else {
        (Some(JP), Mode::National)
    };
    match phonenumber::parse(region, stored) {
        Ok(n) if n.is_valid() => n.format().mode(mode).to_string(),
        _ => stored.to_owned(),
    }
}

/// ISO 3166-1 alpha-2 codes, one a line (comments start with `#`). Data, not prose: the names
/// are messages (`label-country-<code>`, locales/<tag>/countries.ftl).
const COUNTRY_DATA: &str = include_str!("data/countries.txt");

/// (code, message id) of every country, in code order.
static COUNTRIES: std::sync::LazyLock<Vec<(&'static str, String)>> =
    std::sync::LazyLock::new(|| {
        COUNTRY_DATA
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|code| (code, format!("label-country-{}", code.to_ascii_lowercase())))
            .collect()
    });

/// A country or region, by its ISO 3166-1 alpha-2 code (`JP`, `US`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Country(&'static str);

impl Country {
    pub const JAPAN: Country = Country("JP");

    /// The code, any case; full-width letters are folded.
    pub fn parse(field: &str, s: &str) -> Result<Self, ValidationErrors> {
        let code = fold_width(s).trim().to_ascii_uppercase();
        COUNTRIES
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(c, _)| Country(c))
            .ok_or_else(|| ValidationErrors::single(field, "invalid_country"))
    }

    pub fn code(self) -> &'static str {
        self.0
    }

    pub fn is_japan(self) -> bool {
        self == Self::JAPAN
    }

    /// Every country, in code order.
    pub fn all() -> impl Iterator<Item = Country> {
        COUNTRIES.iter().map(|(c, _)| Country(c))
    }

    /// The region libphonenumber reads national numbers by, where it knows the country.
    fn phone_region(self) -> Option<phonenumber::country::Id> {
        self.0.parse().ok()
    }
}

impl Serialize for Country {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0)
    }
}

impl crate::domain::Labelled for Country {
    fn label_id(&self) -> &'static str {
        COUNTRIES
            .iter()
            .find(|(c, _)| *c == self.0)
            .map(|(_, id)| id.as_str())
            .expect("a parsed country is in the list")
    }
}

/// Where an organization is. Japan keeps the fields (and checks) Japanese forms use; elsewhere
/// the address is free-form, as addresses are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "country_kind", rename_all = "snake_case")]
pub enum Address {
    Japan {
        postal_code: PostalCode,
        prefecture: Prefecture,
        city: String,
        street: String,
    },
    Abroad {
        country: Country,
        /// As the country writes it (`94105`, `SW1A 1AA`); some countries have none.
        postal_code: Option<String>,
        /// State, province or county, where the country has them.
        region: Option<String>,
        city: String,
        /// Street and building, one or more lines.
        street: String,
    },
}

impl Address {
    pub fn country(&self) -> Country {
        match self {
            Address::Japan { .. } => Country::JAPAN,
            Address::Abroad { country, .. } => *country,
        }
    }

    /// `NNN-NNNN` in Japan; as the country writes it elsewhere, where it has one.
    pub fn postal_code(&self) -> Option<&str> {
        match self {
            Address::Japan { postal_code, .. } => Some(postal_code.as_str()),
            Address::Abroad { postal_code, .. } => postal_code.as_deref(),
        }
    }

    /// In Japan only.
    pub fn prefecture(&self) -> Option<Prefecture> {
        match self {
            Address::Japan { prefecture, .. } => Some(*prefecture),
            Address::Abroad { .. } => None,
        }
    }

    /// State, province or county: outside Japan only.
    pub fn region(&self) -> Option<&str> {
        match self {
            Address::Japan { .. } => None,
            Address::Abroad { region, .. } => region.as_deref(),
        }
    }

    pub fn city(&self) -> &str {
        match self {
            Address::Japan { city, .. } | Address::Abroad { city, .. } => city,
        }
    }

    pub fn street(&self) -> &str {
        match self {
            Address::Japan { street, .. } | Address::Abroad { street, .. } => street,
        }
    }
}

/// A postal code outside Japan: letters, digits, spaces and hyphens, at most 12 (the longest
/// in use is 10).
pub fn parse_foreign_postal_code(field: &str, s: &str) -> Result<String, ValidationErrors> {
    let s = fold_width(s).trim().to_owned();
    let ok = (1..=12).contains(&s.chars().count())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-');
    if ok {
        Ok(s.to_ascii_uppercase())
    } else {
        Err(ValidationErrors::single(field, "invalid_postal_code"))
    }
}

/// Whether a name is written in Japanese script (kanji or kana), so that people cannot read
/// it aloud without a reading: then the form asks for one. "Acme Inc." or "Ann Walker" needs
/// none.
pub fn needs_reading(name: &str) -> bool {
    name.chars().any(|c| {
        matches!(c,
            '\u{3040}'..='\u{30FF}'   // hiragana, katakana
            | '\u{3400}'..='\u{4DBF}' // CJK extension A
            | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
            | '\u{F900}'..='\u{FAFF}' // compatibility ideographs
            | '\u{FF66}'..='\u{FF9F}' // half-width katakana
            | '\u{20000}'..='\u{2FA1F}')
    })
}

labelled_enum! {
    /// Who registers: each kind has the fields that fit it. Reports count companies (and
    /// SMEs among them) and schools apart.
    pub enum RegistrantKind {
        Company = "company" => "label-registrant-kind-company";
        /// A business without a corporate number (kojin jigyo nushi).
        SoleProprietor = "sole_proprietor" => "label-registrant-kind-sole-proprietor";
        /// A university, vocational school, Japanese-language school or other school.
        School = "school" => "label-registrant-kind-school";
        Municipality = "municipality" => "label-registrant-kind-municipality";
        /// A business association: a chamber of commerce, an industry body, a union.
        Association = "association" => "label-registrant-kind-association";
        /// A foundation, an NPO, a hospital, any other organization.
        OtherOrganization = "other_organization" => "label-registrant-kind-other-organization";
        /// A person on their own (a student, a job seeker).
        Individual = "individual" => "label-registrant-kind-individual";
    }
}

/// How the corporate number is asked of a kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CorporateNumberRule {
    Required,
    Optional,
    /// A sole proprietor or a person has none.
    None,
}

impl RegistrantKind {
    /// The kinds that register as an organization (everyone but an individual).
    pub const ORGANIZATIONS: &'static [RegistrantKind] = &[
        RegistrantKind::Company,
        RegistrantKind::SoleProprietor,
        RegistrantKind::School,
        RegistrantKind::Municipality,
        RegistrantKind::Association,
        RegistrantKind::OtherOrganization,
    ];

    /// A business: asked its industry and employees, and counted as a company (an SME or not).
    pub fn is_business(self) -> bool {
        matches!(
            self,
            RegistrantKind::Company | RegistrantKind::SoleProprietor
        )
    }

    /// Every Japanese company has a corporate number and gives it; a company abroad has none.
    /// Schools, municipalities and associations often have one but need not give it.
    pub fn corporate_number(self, country: Country) -> CorporateNumberRule {
        match self {
            RegistrantKind::Company if country.is_japan() => CorporateNumberRule::Required,
            RegistrantKind::SoleProprietor | RegistrantKind::Individual => {
                CorporateNumberRule::None
            }
            _ => CorporateNumberRule::Optional,
        }
    }
}

labelled_enum! {
    /// What kind of school takes part (in the SME-school information exchange, say).
    pub enum SchoolType {
        University = "university" => "label-school-type-university";
        JuniorCollege = "junior_college" => "label-school-type-junior-college";
        VocationalSchool = "vocational_school" => "label-school-type-vocational-school";
        JapaneseLanguageSchool = "japanese_language_school" => "label-school-type-japanese-language-school";
        HighSchool = "high_school" => "label-school-type-high-school";
        Other = "other" => "label-school-type-other";
    }
}

/// Furigana: katakana, whatever width or script was typed. Where `romaji` is allowed (for
/// names that are not Japanese), Latin letters are accepted as the reading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Kana(String);

impl Kana {
    pub fn parse(field: &str, s: &str, romaji: bool) -> Result<Self, ValidationErrors> {
        let k = hiragana_to_katakana(&fold_width(s));
        let is_kana = |c: char| {
            matches!(
                c,
                '\u{30A1}'..='\u{30FA}' | '\u{30FC}' | '\u{30FB}' | '\u{30FD}' | '\u{30FE}' | ' '
            )
        };
        let is_romaji = |c: char| c.is_ascii_alphabetic() || " -'.".contains(c);
        let ok = !k.is_empty()
            && k.chars().count() <= 100
            && (k.chars().all(is_kana) || (romaji && k.chars().all(is_romaji)));
        if ok {
            Ok(Self(k))
        } else {
            // One code either way, so clients keep it; the message says whether Latin
            // letters would have done.
            let latin = if romaji { "yes" } else { "no" };
            Err(ValidationErrors::single_with(
                field,
                "invalid_kana",
                crate::error_args![("latin", latin)],
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The 47 prefectures in JIS code order, one a line: the Japanese name (what is stored, and
/// what addresses are parsed by), a tab, the romanized name (accepted in input too). This is
/// data, not prose: the names people read are messages (`label-prefecture-*`), so they live in
/// a data file and not in Rust.
const PREFECTURE_DATA: &str = include_str!("data/prefectures.txt");

/// (Japanese, romanized) names of the prefectures, in JIS code order.
pub static PREFECTURES: std::sync::LazyLock<Vec<(&'static str, &'static str)>> =
    std::sync::LazyLock::new(|| {
        let list: Vec<(&str, &str)> = PREFECTURE_DATA
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| l.split_once('\t').expect("name<TAB>romanized"))
            .collect();
        assert_eq!(list.len(), PREFECTURE_LABELS.len(), "data/prefectures.txt");
        list
    });

/// The message ids naming each prefecture, in the order of [`PREFECTURES`].
const PREFECTURE_LABELS: [&str; 47] = [
    "label-prefecture-hokkaido",
    "label-prefecture-aomori",
    "label-prefecture-iwate",
    "label-prefecture-miyagi",
    "label-prefecture-akita",
    "label-prefecture-yamagata",
    "label-prefecture-fukushima",
    "label-prefecture-ibaraki",
    "label-prefecture-tochigi",
    "label-prefecture-gunma",
    "label-prefecture-saitama",
    "label-prefecture-chiba",
    "label-prefecture-tokyo",
    "label-prefecture-kanagawa",
    "label-prefecture-niigata",
    "label-prefecture-toyama",
    "label-prefecture-ishikawa",
    "label-prefecture-fukui",
    "label-prefecture-yamanashi",
    "label-prefecture-nagano",
    "label-prefecture-gifu",
    "label-prefecture-shizuoka",
    "label-prefecture-aichi",
    "label-prefecture-mie",
    "label-prefecture-shiga",
    "label-prefecture-kyoto",
    "label-prefecture-osaka",
    "label-prefecture-hyogo",
    "label-prefecture-nara",
    "label-prefecture-wakayama",
    "label-prefecture-tottori",
    "label-prefecture-shimane",
    "label-prefecture-okayama",
    "label-prefecture-hiroshima",
    "label-prefecture-yamaguchi",
    "label-prefecture-tokushima",
    "label-prefecture-kagawa",
    "label-prefecture-ehime",
    "label-prefecture-kochi",
    "label-prefecture-fukuoka",
    "label-prefecture-saga",
    "label-prefecture-nagasaki",
    "label-prefecture-kumamoto",
    "label-prefecture-oita",
    "label-prefecture-miyazaki",
    "label-prefecture-kagoshima",
    "label-prefecture-okinawa",
];

/// The suffixes of prefecture names (to, do, fu, ken) that people often leave out.
const PREFECTURE_SUFFIXES: [char; 4] = ['\u{90fd}', '\u{9053}', '\u{5e9c}', '\u{770c}'];

/// A prefecture, stored by its Japanese name; romanized names (`Tokyo`) are accepted too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Prefecture(usize);

impl Prefecture {
    pub fn parse(field: &str, s: &str) -> Result<Self, ValidationErrors> {
        let s = fold_width(s);
        PREFECTURES
            .iter()
            .position(|(ja, en)| {
                *ja == s
                    || en.eq_ignore_ascii_case(&s)
                    || ja.trim_end_matches(PREFECTURE_SUFFIXES) == s
            })
            .map(Prefecture)
            .ok_or_else(|| ValidationErrors::single(field, "invalid_prefecture"))
    }

    /// The Japanese name: what is stored with a company's address.
    pub fn stored_name(self) -> &'static str {
        PREFECTURES[self.0].0
    }

    /// Every prefecture, in JIS code order.
    pub fn all() -> impl Iterator<Item = Prefecture> {
        (0..PREFECTURES.len()).map(Prefecture)
    }
}

impl crate::domain::Labelled for Prefecture {
    fn label_id(&self) -> &'static str {
        PREFECTURE_LABELS[self.0]
    }
}

labelled_enum! {
    /// Industry, by the major groups of the Japan Standard Industrial Classification.
    pub enum Industry {
        Construction = "construction" => "label-industry-construction";
        Manufacturing = "manufacturing" => "label-industry-manufacturing";
        InformationCommunications = "information_communications" => "label-industry-information-communications";
        Transport = "transport" => "label-industry-transport";
        Wholesale = "wholesale" => "label-industry-wholesale";
        Retail = "retail" => "label-industry-retail";
        Finance = "finance" => "label-industry-finance";
        RealEstate = "real_estate" => "label-industry-real-estate";
        ProfessionalServices = "professional_services" => "label-industry-professional-services";
        Hospitality = "hospitality" => "label-industry-hospitality";
        LivingServices = "living_services" => "label-industry-living-services";
        Education = "education" => "label-industry-education";
        Medical = "medical" => "label-industry-medical";
        OtherServices = "other_services" => "label-industry-other-services";
        Other = "other" => "label-industry-other";
    }
}

impl Industry {
    /// The most employees an SME of this industry has (the SME Basic Act).
    pub fn sme_employee_limit(self) -> u32 {
        match self {
            Industry::Wholesale => 100,
            Industry::Retail | Industry::Hospitality => 50,
            Industry::InformationCommunications
            | Industry::ProfessionalServices
            | Industry::LivingServices
            | Industry::Education
            | Industry::Medical
            | Industry::OtherServices => 100,
            _ => 300,
        }
    }
}

labelled_enum! {
    /// Number of employees: bands whose edges match the SME limits, so SMEs can be counted.
    pub enum EmployeeBand {
        UpTo5 = "1-5" => "label-employee-band-1-5";
        UpTo20 = "6-20" => "label-employee-band-6-20";
        UpTo50 = "21-50" => "label-employee-band-21-50";
        UpTo100 = "51-100" => "label-employee-band-51-100";
        UpTo300 = "101-300" => "label-employee-band-101-300";
        UpTo1000 = "301-1000" => "label-employee-band-301-1000";
        Over1000 = "1001+" => "label-employee-band-1001-or-more";
    }
}

impl EmployeeBand {
    fn upper(self) -> u32 {
        match self {
            EmployeeBand::UpTo5 => 5,
            EmployeeBand::UpTo20 => 20,
            EmployeeBand::UpTo50 => 50,
            EmployeeBand::UpTo100 => 100,
            EmployeeBand::UpTo300 => 300,
            EmployeeBand::UpTo1000 => 1000,
            EmployeeBand::Over1000 => u32::MAX,
        }
    }

    /// Counted as a small or medium-sized enterprise, by employees.
    pub fn is_sme(self, industry: Industry) -> bool {
        self.upper() <= industry.sme_employee_limit()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corporate_numbers_published_by_the_national_tax_agency_pass() {
        // 国税庁, トヨタ自動車株式会社: numbers from the NTA's public register.
        for n in [
            "7000012050002",
            "1180301018771",
            "７０００－０１２０５０００２",
        ] {
            assert!(CorporateNumber::parse("c", n).is_ok(), "{n}");
        }
        assert_eq!(
            CorporateNumber::parse("c", "7000012050002")
                .unwrap()
                .as_str(),
            "7000012050002"
        );
        let err = CorporateNumber::parse("c", "8000012050002").unwrap_err();
        assert_eq!(err.fields()[0].code, "corporate_number_check_digit");
        for bad in ["700001205000", "70000120500021", "7000O12050002", ""] {
            assert_eq!(
                CorporateNumber::parse("c", bad).unwrap_err().fields()[0].code,
                "invalid_corporate_number",
                "{bad}"
            );
        }
    }

    #[test]
    fn postal_codes_and_phones_normalise() {
        assert_eq!(
            PostalCode::parse("p", "〒１００－０００５")
                .unwrap()
                .as_str(),
            "100-0005"
        );
        assert_eq!(
            PostalCode::parse("p", "1000005").unwrap().as_str(),
            "100-0005"
        );
        assert!(PostalCode::parse("p", "100-000").is_err());
        assert!(PostalCode::parse("p", "abc-defg").is_err());
        assert_eq!(
            PhoneNumber::parse("t", "03-1234-5678", Country::JAPAN)
                .unwrap()
                .as_str(),
            "0312345678"
        );
        assert_eq!(
            PhoneNumber::parse("t", "０９０（１２３４）５６７８", Country::JAPAN)
                .unwrap()
                .as_str(),
            "09012345678"
        );
        assert_eq!(
            PhoneNumber::parse("t", "+81 3 1234 5678", Country::JAPAN)
                .unwrap()
                .as_str(),
            "0312345678"
        );
        assert!(PhoneNumber::parse("t", "1234", Country::JAPAN).is_err());
        assert!(PhoneNumber::parse("t", "03-1234-567x", Country::JAPAN).is_err());
    }

    #[test]
    fn phones_are_written_with_the_hyphens_of_the_numbering_plan() {
        for (typed, written) in [
            ("0312345678", "03-1234-5678"),
            ("0662345678", "06-6234-5678"),
            ("0452123456", "045-212-3456"),
            ("0466123456", "0466-12-3456"),
            ("09012345678", "090-1234-5678"),
            ("0120123456", "0120-123-456"),
            ("05012345678", "050-1234-5678"),
            ("+81 3 1234 5678", "03-1234-5678"),
        ] {
            assert_eq!(
                PhoneNumber::parse("t", typed, Country::JAPAN)
                    .unwrap()
                    .formatted(),
                written,
                "{typed}"
            );
        }
        // Digits our rule lets through but the numbering plan does not know stay as they are.
        assert_eq!(
            PhoneNumber::parse("t", "0012345678", Country::JAPAN)
                .unwrap()
                .formatted(),
            "0012345678"
        );
    }

    #[test]
    fn phones_abroad_are_kept_in_e164_and_checked_by_their_country() {
        let us = Country::parse("c", "us").unwrap();
        // Typed as people in San Francisco write it, read as a US number.
        let p = PhoneNumber::parse("t", "(415) 555-2671", us).unwrap();
        assert_eq!(p.as_str(), "+14155552671");
        assert_eq!(p.formatted(), "+1 415-555-2671");
        // With its country code it is read as written, whatever the address.
        assert_eq!(
            PhoneNumber::parse("t", "+44 20 7946 0958", Country::JAPAN)
                .unwrap()
                .as_str(),
            "+442079460958"
        );
        // A Japanese number given from abroad is kept as Japanese numbers are.
        assert_eq!(
            PhoneNumber::parse("t", "+81 3-1234-5678", us)
                .unwrap()
                .as_str(),
            "0312345678"
        );
        for bad in [
            "+1 415 555",
            "555-2671",
            "+1 415 555 2671 x",
            "=cmd",
            "+999 1234",
        ] {
            assert!(PhoneNumber::parse("t", bad, us).is_err(), "{bad}");
        }
    }

    #[test]
    fn countries_are_iso_3166_codes() {
        assert_eq!(Country::parse("c", "jp").unwrap(), Country::JAPAN);
        assert_eq!(Country::parse("c", " ＵＳ ").unwrap().code(), "US");
        for bad in ["", "USA", "XX", "日本", "J"] {
            assert_eq!(
                Country::parse("c", bad).unwrap_err().fields()[0].code,
                "invalid_country",
                "{bad}"
            );
        }
    }

    #[test]
    fn a_reading_is_needed_only_for_a_name_in_japanese_script() {
        for name in [
            "山田 太郎",
            "やまだ",
            "ヤマダ",
            "ﾔﾏﾀﾞ",
            "東京日本語学院 Tokyo",
        ] {
            assert!(needs_reading(name), "{name}");
        }
        for name in ["Acme Inc.", "Nguyễn Văn An", "Ann Walker", "김민준", "😀"] {
            assert!(!needs_reading(name), "{name}");
        }
    }

    #[test]
    fn who_gives_a_corporate_number() {
        use CorporateNumberRule::*;
        let us = Country::parse("c", "US").unwrap();
        assert_eq!(
            RegistrantKind::Company.corporate_number(Country::JAPAN),
            Required
        );
        assert_eq!(RegistrantKind::Company.corporate_number(us), Optional);
        assert_eq!(
            RegistrantKind::School.corporate_number(Country::JAPAN),
            Optional
        );
        assert_eq!(
            RegistrantKind::SoleProprietor.corporate_number(Country::JAPAN),
            None
        );
        assert!(RegistrantKind::SoleProprietor.is_business());
        assert!(!RegistrantKind::School.is_business());
    }

    #[test]
    fn corporate_numbers_group_as_on_the_nta_notification() {
        assert_eq!(
            CorporateNumber::parse("c", "7000012050002")
                .unwrap()
                .grouped(),
            "7-0000-1205-0002"
        );
    }

    #[test]
    fn kana_accepts_both_scripts_and_widths() {
        assert_eq!(
            Kana::parse("k", "やまだ　たろう", false).unwrap().as_str(),
            "ヤマダ タロウ"
        );
        assert_eq!(
            Kana::parse("k", "ﾔﾏﾀﾞ ﾀﾛｳ", false).unwrap().as_str(),
            "ヤマダ タロウ"
        );
        assert_eq!(
            Kana::parse("k", "カブシキガイシャ・トウショウ", false)
                .unwrap()
                .as_str(),
            "カブシキガイシャ・トウショウ"
        );
        assert!(Kana::parse("k", "山田", false).is_err());
        assert!(Kana::parse("k", "Nguyen Van An", false).is_err());
        assert_eq!(
            Kana::parse("k", "Nguyen Van An", true).unwrap().as_str(),
            "Nguyen Van An"
        );
    }

    #[test]
    fn prefectures_and_smes() {
        assert_eq!(
            Prefecture::parse("p", "東京都").unwrap(),
            Prefecture::parse("p", "Tokyo").unwrap()
        );
        assert_eq!(
            Prefecture::parse("p", "tokyo").unwrap().stored_name(),
            "東京都"
        );
        assert_eq!(
            Prefecture::parse("p", "神奈川").unwrap().stored_name(),
            "神奈川県"
        );
        assert_eq!(Prefecture::all().count(), 47);
        assert!(Prefecture::parse("p", "東京").is_ok());
        assert!(Prefecture::parse("p", "Tokio").is_err());
        assert!(EmployeeBand::UpTo300.is_sme(Industry::Manufacturing));
        assert!(!EmployeeBand::UpTo300.is_sme(Industry::Retail));
        assert!(EmployeeBand::UpTo50.is_sme(Industry::Retail));
        assert!(!EmployeeBand::Over1000.is_sme(Industry::Construction));
    }
}
